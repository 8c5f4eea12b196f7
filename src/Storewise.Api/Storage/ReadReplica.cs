using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Npgsql;

namespace Storewise.Api.Storage;

/// <summary>
/// A PostgreSQL streaming replica that serves reads which may lag (docs/decisions/0513-read-replicas.md): cart
/// pricing's catalogue and code reads, gets and lists. A read goes to it only while it is up and has replayed every
/// write this instance committed (read-your-writes); otherwise, and whenever opening it fails, the read goes to the
/// primary. <see cref="ReplicaMonitor"/> measures its lag.
/// </summary>
public sealed class ReadReplica : IAsyncDisposable
{
    // WAL positions as byte offsets, so they compare and subtract as numbers.
    private const string PrimaryPositionSql = "SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint";

    // After a commit: the insert position is past the commit record even when synchronous_commit is off.
    private const string WrittenSql = "SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint";
    private const string ReplayedSql = "SELECT COALESCE((pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint, 0)";

    private readonly NpgsqlDataSource _source;
    private long _written;
    private long _replayed;
    private volatile ReplicaLag _lag = ReplicaLag.Unknown;

    public ReadReplica(string connectionString) => _source = new NpgsqlDataSourceBuilder(connectionString).Build();

    /// <summary>What the last check found; the monitor refreshes it every <see cref="ReplicaMonitor.Interval"/>.</summary>
    public ReplicaLag Lag => _lag;

    /// <summary>
    /// Records the primary's WAL position right after a commit on <paramref name="connection"/>: reads wait for the
    /// replica to pass it. Never fails the write that has committed: if neither that connection nor a new one from
    /// <paramref name="primary"/> answers, no read goes to the replica until the monitor has read a position again.
    /// </summary>
    internal async Task WroteAsync(DbConnection connection, Func<Task<DbConnection>> primary)
    {
        try
        {
            Raise(ref _written, await connection.ExecuteScalarAsync<long>(WrittenSql));
            return;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            // The connection broke after the commit; any position read later is past the commit too.
        }

        try
        {
            await using var fresh = await primary();
            Raise(ref _written, await fresh.ExecuteScalarAsync<long>(WrittenSql));
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            Volatile.Write(ref _written, long.MaxValue);
        }
    }

    /// <summary>
    /// A connection to the replica if it is up and has replayed this instance's writes (and, when given,
    /// <paramref name="caughtUp"/> holds on it); null when the read must go to the primary.
    /// </summary>
    internal async Task<DbConnection?> TryOpenAsync(Func<DbConnection, Task<bool>>? caughtUp, CancellationToken cancellationToken)
    {
        if (!_lag.Available)
        {
            return null;
        }

        NpgsqlConnection? connection = null;
        try
        {
            connection = await _source.OpenConnectionAsync(cancellationToken);
            var written = Volatile.Read(ref _written);
            if (written > Volatile.Read(ref _replayed))
            {
                Raise(ref _replayed, await connection.ExecuteScalarAsync<long>(ReplayedSql));
            }

            if (written <= Volatile.Read(ref _replayed) && (caughtUp is null || await caughtUp(connection)))
            {
                return connection;
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // Down, or not accepting connections: the primary serves until the monitor sees the replica again.
            _lag = ReplicaLag.Down(_lag.CheckedAt);
        }

        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        return null;
    }

    /// <summary>Sends reads to the primary until the monitor sees the replica again, and drops its pooled connections.</summary>
    internal void MarkDown()
    {
        _lag = ReplicaLag.Down(_lag.CheckedAt);
        _source.Clear();
    }

    /// <summary>
    /// Whether <paramref name="exception"/> says the replica went away (its connection broke, or the server is shutting
    /// down or not accepting connections), rather than that the read itself was wrong.
    /// </summary>
    internal static bool IsConnectionFailure(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("57", StringComparison.Ordinal) || postgres.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException => true,
        TimeoutException or InvalidOperationException => true,
        _ => false,
    };

    /// <summary>Measures the replica against <paramref name="primary"/> (a connection to the primary): bytes and seconds behind.</summary>
    internal async Task CheckAsync(DbConnection primary, CancellationToken cancellationToken)
    {
        var checkedAt = Stopwatch.GetTimestamp();
        // Read first and outside the catch: a primary that fails says nothing about the replica.
        var position = await primary.ExecuteScalarAsync<long>(new CommandDefinition(PrimaryPositionSql, cancellationToken: cancellationToken));
        try
        {
            await using var connection = await _source.OpenConnectionAsync(cancellationToken);
            var replica = await connection.QuerySingleAsync<(long Replayed, double? Seconds)>(new CommandDefinition(
                """
                SELECT COALESCE((pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint, 0),
                       CAST(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) AS double precision)
                """,
                cancellationToken: cancellationToken));
            Raise(ref _replayed, replica.Replayed);
            // A write whose position could not be read (the primary failed right after its commit) is taken as
            // covered by this position; it is exact unless that failure fell between this read and this line.
            Interlocked.CompareExchange(ref _written, position, long.MaxValue);
            var bytes = Math.Max(0, position - replica.Replayed);
            // With nothing left to replay the replica is current, however long ago the last transaction was.
            _lag = new ReplicaLag(true, bytes, bytes == 0 ? 0 : Math.Max(0, replica.Seconds ?? 0), checkedAt);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            _lag = ReplicaLag.Down(checkedAt);
        }
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private static void Raise(ref long field, long value)
    {
        var seen = Volatile.Read(ref field);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref field, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
