namespace Storewise.Api.Storage;

/// <summary>What a unit of work passed to <see cref="Database.WriteAsync{T}(Func{System.Data.Common.DbConnection, System.Data.Common.DbTransaction, Task{WriteOutcome{T}}}, CancellationToken)"/> came to: its value, and whether to commit.</summary>
public readonly record struct WriteOutcome<T>(T Value, bool Commit);

/// <summary>Shorthands for <see cref="WriteOutcome{T}"/>.</summary>
public static class WriteOutcome
{
    /// <summary>The change is made: commit it (a catalogue write also bumps the version).</summary>
    public static WriteOutcome<T> Commit<T>(T value) => new(value, true);

    /// <summary>Nothing is to be kept (rejected, or nothing changed): roll back.</summary>
    public static WriteOutcome<T> RollBack<T>(T value) => new(value, false);
}
