using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using Storewise.Api.Events;

namespace Storewise.Api.Storage;

/// <summary>
/// Opens connections to the configured store and runs write transactions. Statements are written in the SQL
/// subset both SQLite and PostgreSQL understand (ON CONFLICT, RETURNING, LIMIT/OFFSET); what differs is asked
/// of <see cref="Dialect"/>.
/// </summary>
public sealed class Database : IAsyncDisposable
{
    // Per connection: the statements of the hot paths (a cart, a reservation, a confirm) fit many times over.
    private const int AutoPreparedStatements = 64;

    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqliteConnectionString;
    private readonly int _sqliteBusyTimeoutMs;
    private volatile bool _walEnabled;

    /// <summary>A store on <paramref name="connectionString"/>, with a read replica on <paramref name="readOnlyConnectionString"/> when given (PostgreSQL only).</summary>
    public Database(DatabaseProvider provider, string connectionString, string? readOnlyConnectionString = null)
    {
        Provider = provider;
        Dialect = provider == DatabaseProvider.Postgres ? PostgresDialect.Instance : SqliteDialect.Instance;
        if (provider == DatabaseProvider.Postgres)
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            // Statements run again and again are prepared on each connection, so PostgreSQL parses and plans them once
            // instead of on every call: half its CPU on a reservation (docs/decisions/0608-reservation-throughput.md).
            // A connection string that sets it keeps its own value (0 turns it off).
            if (!Sets(connectionString, "MaxAutoPrepare"))
            {
                builder.ConnectionStringBuilder.MaxAutoPrepare = AutoPreparedStatements;
            }

            // A connection taken from the pool is not reset: the reset is seven statements the backend runs with the first
            // command of every checkout (two per reservation and confirmation). The only session state set here is the
            // change listener's (its name and LISTEN, on a connection it holds until it fails); an open transaction is still
            // rolled back when its connection goes back, and advisory locks end with their scope
            // (docs/decisions/0609-reserve-without-the-usage-read.md).
            if (!Sets(connectionString, "NoResetOnClose"))
            {
                builder.ConnectionStringBuilder.NoResetOnClose = true;
            }

            _postgres = builder.Build();
            Replica = string.IsNullOrWhiteSpace(readOnlyConnectionString) ? null : new ReadReplica(readOnlyConnectionString);
        }
        else
        {
            // Writers wait for each other instead of failing at once: for the connection string's Default Timeout,
            // 30 s unless it says otherwise, both in SQLite's busy handler and in the provider's retries.
            var csb = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
            _sqliteConnectionString = csb.ToString();
            _sqliteBusyTimeoutMs = csb.DefaultTimeout * 1000;
            var dir = Path.GetDirectoryName(Path.GetFullPath(csb.DataSource));
            if (!string.IsNullOrEmpty(dir) && csb.DataSource != ":memory:")
            {
                Directory.CreateDirectory(dir);
            }
        }
    }

    public DatabaseProvider Provider { get; }

    public SqlDialect Dialect { get; }

    /// <summary>The tenants' catalogue versions as this instance knows them (<see cref="CatalogueChangeListener"/>).</summary>
    public CatalogueVersionWatch Versions { get; } = new();

    /// <summary>The totals and page boundaries of long lists as this instance knows them (<see cref="ListPositions"/>).</summary>
    public ListPositions Lists { get; } = new();

    /// <summary>The read replica (docs/decisions/0513-read-replicas.md), or null when every read goes to the primary.</summary>
    public ReadReplica? Replica { get; }

    /// <summary>Notified after every commit that wrote events with deliveries to send.</summary>
    public OutboxSignal EventsCommitted { get; } = new();

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_sqliteConnectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragma = connection.CreateCommand();
        // WAL lets readers run beside the one writer and is kept in the file, so it is set once per process;
        // busy_timeout (writers queue rather than fail) and synchronous are per connection.
        pragma.CommandText = _walEnabled
            ? $"PRAGMA busy_timeout={_sqliteBusyTimeoutMs}; PRAGMA synchronous=NORMAL;"
            : $"PRAGMA journal_mode=WAL; PRAGMA busy_timeout={_sqliteBusyTimeoutMs}; PRAGMA synchronous=NORMAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        _walEnabled = true;
        return connection;
    }

    /// <summary>
    /// Runs a read that may lag behind other instances' writes but not this instance's own: on the read replica when
    /// there is one, it is up and it has replayed every write committed here, otherwise on the primary
    /// (docs/decisions/0513-read-replicas.md). <paramref name="caughtUp"/>, when given, is one more condition the
    /// replica must meet. A replica that fails during the read (a pooled connection to a replica that went down is
    /// only found dead when used) is marked down and the read runs again on the primary, so the caller sees no error.
    /// Writes, redemptions, reservations and idempotency keys use <see cref="OpenAsync"/>.
    /// </summary>
    public async Task<T> ReadAsync<T>(
        Func<DbConnection, Task<T>> read, Func<DbConnection, Task<bool>>? caughtUp = null, CancellationToken cancellationToken = default)
    {
        if (Replica is not null && await Replica.TryOpenAsync(caughtUp, cancellationToken) is { } replica)
        {
            try
            {
                await using (replica)
                {
                    return await read(replica);
                }
            }
            catch (Exception ex) when (ReadReplica.IsConnectionFailure(ex) && !cancellationToken.IsCancellationRequested)
            {
                Replica.MarkDown();
            }
        }

        await using var primary = await OpenAsync(cancellationToken);
        return await read(primary);
    }

    /// <summary>
    /// The one way to write: opens a connection and a write transaction, runs <paramref name="work"/>, and commits
    /// or rolls back as it says; the events of a committing outcome go to the outbox in that transaction
    /// (docs/decisions/0801-transactional-outbox.md). Nothing else opens a write transaction.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<WriteOutcome<T>>> work, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await WriteAsync(connection, work, cancellationToken);
    }

    /// <summary><see cref="WriteAsync{T}(Func{DbConnection, DbTransaction, Task{WriteOutcome{T}}}, CancellationToken)"/> on a connection the caller holds.</summary>
    public async Task<T> WriteAsync<T>(
        DbConnection connection, Func<DbConnection, DbTransaction, Task<WriteOutcome<T>>> work, CancellationToken cancellationToken = default)
    {
        await using var transaction = await Dialect.BeginWriteAsync(connection, cancellationToken);
        var outcome = await work(connection, transaction);
        if (outcome.Commit)
        {
            var deliveries = outcome.DeliveriesWritten;
            if (outcome.Events is { Count: > 0 } events)
            {
                deliveries += await Outbox.AppendAsync(connection, transaction, events);
            }

            await transaction.CommitAsync(cancellationToken);
            if (Replica is not null)
            {
                await Replica.WroteAsync(connection, () => OpenAsync(CancellationToken.None));
            }

            // Events nobody subscribed to leave the delivery worker asleep: waking it would only claim nothing.
            if (deliveries > 0)
            {
                EventsCommitted.Notify();
            }
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        return outcome.Value;
    }

    /// <summary>
    /// A write that changes what carts are priced with (offers, code activity, exclusions, stacking mode): when
    /// <paramref name="work"/> commits, the tenant's catalogue version is bumped in the same transaction, so every
    /// instance rebuilds its cached promotion set. A change that forgets this would serve stale prices elsewhere.
    /// The bump comes first: while <paramref name="work"/> runs, the tenant's row of <c>catalogue_versions</c> holds
    /// this transaction's version (<see cref="CatalogueVersions.OfThisTransaction"/>).
    /// </summary>
    public async Task<T> WriteCatalogueAsync<T>(string tenant, Func<DbConnection, DbTransaction, Task<WriteOutcome<T>>> work, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await WriteCatalogueAsync(tenant, connection, work, cancellationToken);
    }

    /// <summary><see cref="WriteCatalogueAsync{T}(string, Func{DbConnection, DbTransaction, Task{WriteOutcome{T}}}, CancellationToken)"/> on a connection the caller holds.</summary>
    public async Task<T> WriteCatalogueAsync<T>(
        string tenant, DbConnection connection, Func<DbConnection, DbTransaction, Task<WriteOutcome<T>>> work, CancellationToken cancellationToken = default)
    {
        (long Version, long At)? bumped = null;
        var value = await WriteAsync(connection, async (c, transaction) =>
        {
            // Bumped before the work, so the offer rows it writes are stamped with this transaction's version; the row
            // stays locked until commit, so the tenant's changes commit one at a time in version order
            // (docs/decisions/0523-offer-rows-stamped-with-the-catalogue-version.md). A rollback undoes the bump.
            var version = await CatalogueVersions.BumpAsync(c, transaction, tenant);
            var outcome = await work(c, transaction);
            if (outcome.Commit)
            {
                await Dialect.NotifyAsync(c, transaction, CatalogueChangeListener.Channel, CatalogueChangeListener.Payload(tenant, version));
                // The bumped row stays locked until commit, so no other change of this tenant commits in between.
                bumped = (version, Stopwatch.GetTimestamp());
            }

            return outcome;
        }, cancellationToken);
        if (bumped is { } committed)
        {
            // Only once committed: a version that was rolled back must never be taken as current.
            Versions.Confirm(tenant, committed.Version, committed.At);
        }

        return value;
    }

    public async ValueTask DisposeAsync()
    {
        if (Replica is not null)
        {
            await Replica.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (_sqliteConnectionString is not null)
        {
            // Idle pooled connections keep the database, its WAL and its shared-memory file open; a stopped service
            // (or one of many in a test process) must not hold them until the process ends.
            using var pooled = new SqliteConnection(_sqliteConnectionString);
            SqliteConnection.ClearPool(pooled);
        }
    }

    // Whether the connection string itself gives the keyword, in any case and spacing ("Max Auto Prepare").
    private static bool Sets(string connectionString, string keyword) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(given => string.Equals(given.Replace(" ", string.Empty, StringComparison.Ordinal), keyword, StringComparison.OrdinalIgnoreCase));
}
