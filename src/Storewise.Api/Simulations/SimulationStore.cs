using System.Data.Common;
using Dapper;
using Storewise.Api.CartLog;
using Storewise.Api.Events;
using Storewise.Api.Storage;

namespace Storewise.Api.Simulations;

/// <summary>
/// SQL for <c>simulations</c>. A job is owned by the worker holding its lease; every write a worker makes is
/// conditional on still owning it and on the job still running, so a cancelled job or a lost lease stops it.
/// </summary>
public static class SimulationStore
{
    public const string Columns =
        "tenant AS Tenant, id AS Id, status AS Status, request AS Request, position_at AS PositionAt, position_seq AS PositionSeq, "
        + "replayed AS Replayed, total AS Total, tally AS Tally, error AS Error, attempts AS Attempts, lease_owner AS LeaseOwner, "
        + "created_at AS CreatedAt, created_by AS CreatedBy, updated_at AS UpdatedAt, finished_at AS FinishedAt";

    public static Task InsertAsync(Database database, SimulationRow row, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) => WriteOutcome.Commit(await connection.ExecuteAsync(
                """
                INSERT INTO simulations (tenant, id, status, request, position_at, position_seq, replayed, total, attempts, created_at, created_by, updated_at)
                VALUES (@Tenant, @Id, @Status, @Request, @PositionAt, @PositionSeq, 0, @Total, 0, @CreatedAt, @CreatedBy, @UpdatedAt)
                """,
                row,
                transaction)),
            cancellationToken);

    public static Task<SimulationRow?> GetAsync(DbConnection connection, string tenant, string id) =>
        connection.QuerySingleOrDefaultAsync<SimulationRow>($"SELECT {Columns} FROM simulations WHERE tenant = @tenant AND id = @id", new { tenant, id });

    /// <summary>One page of the tenant's jobs, newest first, and how many there are.</summary>
    public static async Task<(IReadOnlyList<SimulationRow> Rows, long Total)> ListAsync(DbConnection connection, string tenant, int count, long offset)
    {
        var total = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM simulations WHERE tenant = @tenant", new { tenant });
        var rows = await connection.QueryAsync<SimulationRow>(
            $"SELECT {Columns} FROM simulations WHERE tenant = @tenant ORDER BY created_at DESC, id DESC LIMIT @count OFFSET @offset",
            new { tenant, count, offset });
        return (rows.AsList(), total);
    }

    private static readonly LeasedJobs Jobs = new("simulations", Columns, SimulationStatus.Queued, SimulationStatus.Running);

    /// <summary>Claims the oldest job that is queued or whose lease expired; null when there is none.</summary>
    public static Task<SimulationRow?> TryClaimAsync(Database database, string owner, long now, long leaseUntil, CancellationToken cancellationToken) =>
        JobLease.TryClaimAsync<SimulationRow>(database, Jobs, owner, now, leaseUntil, cancellationToken);

    /// <summary>Saves the progress of a batch and renews the lease; false when the job is no longer this worker's to run.</summary>
    public static async Task<bool> SaveProgressAsync(
        Database database, SimulationRow job, string owner, LogPosition position, long replayed, string tally, long now, long leaseUntil, CancellationToken cancellationToken) =>
        await database.WriteAsync(
            async (connection, transaction) => WriteOutcome.Commit(await connection.ExecuteAsync(
                """
                UPDATE simulations SET position_at = @at, position_seq = @seq, replayed = @replayed, tally = @tally,
                    lease_until = @leaseUntil, updated_at = @now
                WHERE tenant = @tenant AND id = @id AND status = @running AND lease_owner = @owner
                """,
                new { tenant = job.Tenant, id = job.Id, at = position.LoggedAt, seq = position.Seq, replayed, tally, leaseUntil, now, owner, running = SimulationStatus.Running },
                transaction)),
            cancellationToken) == 1;

    /// <summary>
    /// Moves a running job this worker owns to a final state, with its <c>simulation.finished</c> or
    /// <c>simulation.failed</c> event in the same transaction (docs/events.md).
    /// </summary>
    public static Task FinishAsync(Database database, SimulationRow job, string owner, string status, string? error, long now, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                var finished = await connection.QuerySingleOrDefaultAsync<SimulationRow>(
                    $"""
                    UPDATE simulations SET status = @status, error = @error, lease_owner = NULL, lease_until = NULL, updated_at = @now, finished_at = @now
                    WHERE tenant = @tenant AND id = @id AND status = @running AND lease_owner = @owner
                    RETURNING {Columns}
                    """,
                    new { tenant = job.Tenant, id = job.Id, status, error, now, owner, running = SimulationStatus.Running },
                    transaction);
                return WriteOutcome.Commit(finished).WithEvents(Ended(finished, now));
            },
            cancellationToken);

    /// <summary>Cancels a job that has not finished; null when there is no such job, the row as it is when it had finished.</summary>
    public static Task<SimulationRow?> CancelAsync(Database database, string tenant, string id, long now, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                var cancelled = await connection.QuerySingleOrDefaultAsync<SimulationRow>(
                    $"""
                    UPDATE simulations SET status = @cancelled, lease_owner = NULL, lease_until = NULL, updated_at = @now, finished_at = @now
                    WHERE tenant = @tenant AND id = @id AND status IN (@queued, @running)
                    RETURNING {Columns}
                    """,
                    new { tenant, id, now, cancelled = SimulationStatus.Cancelled, queued = SimulationStatus.Queued, running = SimulationStatus.Running },
                    transaction);
                return WriteOutcome.Commit(cancelled ?? await connection.QuerySingleOrDefaultAsync<SimulationRow>(
                    $"SELECT {Columns} FROM simulations WHERE tenant = @tenant AND id = @id", new { tenant, id }, transaction)).WithEvents(Ended(cancelled, now));
            },
            cancellationToken);

    // The event of a job that has just reached a final state; none when the write changed nothing.
    private static IEnumerable<OutboxEvent> Ended(SimulationRow? row, long now)
    {
        var type = row?.Status switch
        {
            SimulationStatus.Done => EventTypes.SimulationFinished,
            SimulationStatus.Failed => EventTypes.SimulationFailed,
            SimulationStatus.Cancelled => EventTypes.SimulationCancelled,
            _ => null,
        };
        return type is null
            ? []
            : [OutboxEvent.Create(type, row!.Tenant, row.Id, DateTimeOffset.FromUnixTimeMilliseconds(now), SimulationResources.From(row))];
    }
}
