namespace Storewise.Api.Storage;

/// <summary>How far the read replica is behind the primary, as last checked (<see cref="ReadReplica"/>).</summary>
/// <param name="Available">Whether reads may go to it: it answered the last check (or has not been checked yet).</param>
/// <param name="Bytes">WAL the primary has written that the replica has not replayed.</param>
/// <param name="Seconds">Age of the last transaction it replayed while WAL is waiting; 0 when nothing is.</param>
/// <param name="CheckedAt">When the check ran (<see cref="System.Diagnostics.Stopwatch"/> ticks).</param>
public sealed record ReplicaLag(bool Available, long Bytes, double Seconds, long CheckedAt)
{
    public static readonly ReplicaLag Unknown = new(true, 0, 0, 0);

    public static ReplicaLag Down(long checkedAt) => new(false, 0, 0, checkedAt);
}
