using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Storewise.Api.Storage;

/// <summary>
/// Opens connections to the configured store. Statements are written in the SQL subset both SQLite and
/// PostgreSQL understand (ON CONFLICT, RETURNING, LIMIT/OFFSET); <see cref="Provider"/> tells the few places
/// that differ.
/// </summary>
public sealed class Database : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqliteConnectionString;
    private volatile bool _walEnabled;

    public Database(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Postgres)
        {
            _postgres = new NpgsqlDataSourceBuilder(connectionString).Build();
        }
        else
        {
            var csb = new SqliteConnectionStringBuilder(connectionString)
            {
                // Writers wait for each other instead of failing at once.
                DefaultTimeout = 30,
                Pooling = true,
            };
            _sqliteConnectionString = csb.ToString();
            var dir = Path.GetDirectoryName(Path.GetFullPath(csb.DataSource));
            if (!string.IsNullOrEmpty(dir) && csb.DataSource != ":memory:")
            {
                Directory.CreateDirectory(dir);
            }
        }
    }

    public DatabaseProvider Provider { get; }

    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

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
            ? "PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL;"
            : "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        _walEnabled = true;
        return connection;
    }

    /// <summary>
    /// Starts a write transaction. On SQLite this is BEGIN IMMEDIATE, so two writers never deadlock on a lock
    /// upgrade; on PostgreSQL it is READ COMMITTED, and statements that must not race use conditional updates.
    /// </summary>
    public static async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection sqlite)
        {
            return sqlite.BeginTransaction(deferred: false);
        }

        return await connection.BeginTransactionAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _postgres?.DisposeAsync() ?? ValueTask.CompletedTask;
}
