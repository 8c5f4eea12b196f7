namespace Storewise.Api.Events;

/// <summary>The <c>Events</c> settings: how long delivered events are kept (docs/decisions/0806-outbox-retention.md).</summary>
public sealed class EventOptions
{
    public const string Section = "Events";

    /// <summary>Events older than this whose every delivery succeeded (or that had none) are deleted.</summary>
    public double RetentionDays { get; set; } = 7;

    /// <summary>How often the pruner runs.</summary>
    public int PruneIntervalMinutes { get; set; } = 60;

    /// <summary>Events deleted per transaction, so a large prune never holds locks for long.</summary>
    public int PruneBatchSize { get; set; } = 1000;
}
