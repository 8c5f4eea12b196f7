using Dapper;
using Npgsql;
using Storewise.Api.Storage;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Storage;

/// <summary>
/// On PostgreSQL a statement the service runs again and again is prepared on its connection, unless the connection
/// string says otherwise (docs/decisions/0608-reservation-throughput.md).
/// </summary>
public sealed class AutoPrepareTests
{
    private const string Statement = "SELECT @n + 1";

    [Fact]
    public async Task A_repeated_statement_is_prepared_on_its_connection()
    {
        Assert.Equal(1, await PreparedAfterRepeatsAsync(connectionString => connectionString));
    }

    [Theory]
    [InlineData("Max Auto Prepare=0")]
    [InlineData("maxautoprepare=0")]
    public async Task A_connection_string_that_sets_the_limit_keeps_it(string setting)
    {
        Assert.Equal(0, await PreparedAfterRepeatsAsync(connectionString => connectionString + ";" + setting));
    }

    // How many prepared statements of Statement the connection holds after running it ten times.
    private static async Task<long> PreparedAfterRepeatsAsync(Func<string, string> configure)
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        try
        {
            await using var database = new Database(DatabaseProvider.Postgres, configure(connectionString));
            await using var connection = await database.OpenAsync();
            for (var n = 0; n < 10; n++)
            {
                Assert.Equal(n + 1, await connection.ExecuteScalarAsync<int>(Statement, new { n }));
            }

            return await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM pg_prepared_statements WHERE statement LIKE 'SELECT $1 + 1%'");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }
}
