namespace Storewise.Api.Imports;

/// <summary>How code imports are processed (section <c>Imports</c>).</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>Run the import worker on this instance (false for instances that should only serve requests).</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>Staged rows settled per transaction.</summary>
    public int BatchSize { get; set; } = 10_000;

    /// <summary>Parsed rows written to the staging table per round trip while the upload streams in.</summary>
    public int StagingBatchSize { get; set; } = 5_000;

    /// <summary>How long a worker owns an import without renewing its lease; a crashed worker's import is resumed after this.</summary>
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>How often idle workers look for work (uploads on the same instance wake them at once).</summary>
    public int PollMilliseconds { get; set; } = 1_000;

    /// <summary>Pause between batches, to spread a large import's load over time (0 = none).</summary>
    public int PauseBetweenBatchesMilliseconds { get; set; }

    /// <summary>Claims of one import before it is marked FAILED.</summary>
    public int MaxAttempts { get; set; } = 5;
}
