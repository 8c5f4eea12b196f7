using Dapper;

namespace Storewise.Api.Storage;

/// <summary>
/// A table of background jobs that workers on every instance take turns at (code imports, simulations): each row has
/// <c>tenant</c>, <c>id</c>, <c>status</c>, <c>lease_owner</c>, <c>lease_until</c>, <c>attempts</c>, <c>created_at</c>
/// and <c>updated_at</c>; <see cref="Columns"/> is the select list a claim returns.
/// </summary>
public sealed record LeasedJobs(string Table, string Columns, string Waiting, string Running);

/// <summary>
/// Claims jobs for one worker at a time: the oldest job that is waiting, or running with an expired lease (its worker
/// died), is moved to running under this worker's lease with one conditional update, so of several workers exactly one
/// gets it; each claim counts an attempt. The worker renews the lease with every batch it saves.
/// </summary>
public static class JobLease
{
    private const int Candidates = 10;

    /// <summary>A lease owner name unique to one worker: machine, process and a fresh id, readable in the tables.</summary>
    public static string NewOwner() => $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>The claimed job, or null when none is free.</summary>
    public static async Task<TRow?> TryClaimAsync<TRow>(Database database, LeasedJobs jobs, string owner, long now, long leaseUntil, CancellationToken cancellationToken)
        where TRow : class
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var args = new { owner, now, leaseUntil, waiting = jobs.Waiting, running = jobs.Running, candidates = Candidates };
        var candidates = await connection.QueryAsync<(string Tenant, string Id)>(
            $"""
            SELECT tenant, id FROM {jobs.Table}
            WHERE status = @waiting OR (status = @running AND lease_until < @now)
            ORDER BY created_at LIMIT @candidates
            """,
            args);
        foreach (var (tenant, id) in candidates)
        {
            var claimed = await database.WriteAsync(connection, async (c, transaction) => WriteOutcome.Commit(await c.QuerySingleOrDefaultAsync<TRow>(
                $"""
                UPDATE {jobs.Table}
                SET status = @running, lease_owner = @owner, lease_until = @leaseUntil, attempts = attempts + 1, updated_at = @now
                WHERE tenant = @tenant AND id = @id AND (status = @waiting OR (status = @running AND lease_until < @now))
                RETURNING {jobs.Columns}
                """,
                new { tenant, id, args.owner, args.now, args.leaseUntil, args.waiting, args.running },
                transaction)), cancellationToken);
            if (claimed is not null)
            {
                return claimed;
            }
        }

        return null;
    }
}
