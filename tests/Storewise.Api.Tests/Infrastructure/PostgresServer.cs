using System.Data.Common;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Storewise.Api.Storage;

namespace Storewise.Api.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: the one named by <c>STOREWISE_TEST_POSTGRES</c> (an admin
/// connection string; .ci/run sets it), or else a throwaway cluster started from the local PostgreSQL
/// binaries for this test run (<see cref="ThrowawayCluster"/>). Each fixture gets a database of its own on it.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "STOREWISE_TEST_POSTGRES";

    private static readonly Lazy<string> AdminConnectionString = new(StartOrLocate, LazyThreadSafetyMode.ExecutionAndPublication);

    private static ThrowawayCluster? _cluster;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = AdminConnectionString.Value;
        var name = "sw_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, MaxPoolSize = 50 }.ToString();
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString.Value);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Runs <paramref name="test"/> on a connection to a new database with every migration applied, as a new deployment's
    /// schema is, and drops the database afterwards.
    /// </summary>
    public static async Task WithMigratedDatabaseAsync(Func<DbConnection, Task> test)
    {
        var connectionString = await CreateDatabaseAsync();
        try
        {
            await using var database = new Database(DatabaseProvider.Postgres, connectionString);
            await new MigrationRunner(database, NullLogger<MigrationRunner>.Instance).MigrateAsync();
            await using var connection = await database.OpenAsync();
            await test(connection);
        }
        finally
        {
            await DropDatabaseAsync(connectionString);
        }
    }

    /// <summary>Stops this run's throwaway cluster, if it started one; called once, at the end of the test run.</summary>
    public static void StopThrowawayCluster() => Interlocked.Exchange(ref _cluster, null)?.Dispose();

    private static string StartOrLocate()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var bin = ThrowawayCluster.FindBinaries() ?? throw new InvalidOperationException(
            $"No PostgreSQL for the tests: set {EnvironmentVariable} to an admin connection string, or install the postgresql-15 package (.ci/run does both).");
        _cluster = ThrowawayCluster.Start(bin);
        return _cluster.AdminConnectionString;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
