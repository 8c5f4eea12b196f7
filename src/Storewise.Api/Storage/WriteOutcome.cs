using Storewise.Api.Events;

namespace Storewise.Api.Storage;

/// <summary>
/// What a unit of work passed to <see cref="Database.WriteAsync{T}(Func{System.Data.Common.DbConnection, System.Data.Common.DbTransaction, Task{WriteOutcome{T}}}, CancellationToken)"/> came to: its value, whether to commit,
/// and the events the change produced (written to the outbox in the same transaction when it commits).
/// </summary>
public readonly record struct WriteOutcome<T>(T Value, bool Commit)
{
    public IReadOnlyList<OutboxEvent>? Events { get; init; }

    /// <summary>
    /// Deliveries of events the work wrote to the outbox itself, among its own statements (<see cref="Outbox.Prepare"/>):
    /// the delivery worker is woken for them as for <see cref="Events"/>'.
    /// </summary>
    public int DeliveriesWritten { get; init; }

    /// <summary>This outcome with one more event; ignored when the work rolls back.</summary>
    public WriteOutcome<T> WithEvent(OutboxEvent outboxEvent) => this with { Events = [.. Events ?? [], outboxEvent] };

    /// <summary>This outcome with more events, in order.</summary>
    public WriteOutcome<T> WithEvents(IEnumerable<OutboxEvent> events) => this with { Events = [.. Events ?? [], .. events] };
}

/// <summary>Shorthands for <see cref="WriteOutcome{T}"/>.</summary>
public static class WriteOutcome
{
    /// <summary>The change is made: commit it (a catalogue write also bumps the version).</summary>
    public static WriteOutcome<T> Commit<T>(T value) => new(value, true);

    /// <summary>Nothing is to be kept (rejected, or nothing changed): roll back.</summary>
    public static WriteOutcome<T> RollBack<T>(T value) => new(value, false);
}
