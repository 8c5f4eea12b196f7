namespace Storewise.Api.Simulations;

/// <summary>How simulations run (section <c>Simulations</c>).</summary>
public sealed class SimulationOptions
{
    public const string Section = "Simulations";

    /// <summary>Run the simulation worker on this instance.</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>Logged carts read and replayed per batch; progress is saved after each.</summary>
    public int BatchSize { get; set; } = 5_000;

    /// <summary>How long a worker owns a job without renewing its lease; a crashed worker's job is resumed after this.</summary>
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>How often idle workers look for jobs (a job created on this instance wakes its worker at once).</summary>
    public int PollMilliseconds { get; set; } = 1_000;

    /// <summary>Claims of one job before it is marked FAILED.</summary>
    public int MaxAttempts { get; set; } = 3;
}
