namespace Storewise.Api.Simulations;

/// <summary>The states of a simulation job; DONE, FAILED and CANCELLED are final.</summary>
public static class SimulationStatus
{
    public const string Queued = "QUEUED";
    public const string Running = "RUNNING";
    public const string Done = "DONE";
    public const string Failed = "FAILED";
    public const string Cancelled = "CANCELLED";
}
