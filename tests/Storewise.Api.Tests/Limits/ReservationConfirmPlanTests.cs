using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using Storewise.Api.Limits;
using Storewise.Api.Reservations;
using Storewise.Api.Storage;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Limits;

/// <summary>
/// The confirm's statements find the reservation and its grants by their primary keys in the plans made once for all
/// parameters, even on a new, empty database (docs/decisions/0610-reservation-confirm-by-primary-key.md).
/// </summary>
public sealed partial class ReservationConfirmPlanTests
{
    [Fact]
    public async Task The_plans_made_once_on_empty_tables_use_the_primary_keys()
    {
        await PostgresServer.WithMigratedDatabaseAsync(async connection =>
        {
            var confirm = await GenericPlanAsync(connection, ReservationStore.ConfirmSql);
            var grants = await GenericPlanAsync(connection, UsageLedger.ConfirmSql);

            Assert.Contains("reservations_pkey", confirm, StringComparison.Ordinal);
            Assert.DoesNotContain("ux_reservations_live_order", confirm, StringComparison.Ordinal);
            Assert.DoesNotContain("ix_reservations_expiry", confirm, StringComparison.Ordinal);
            Assert.Contains("reservations_pkey", grants, StringComparison.Ordinal);
            Assert.Contains("usage_grants_pkey", grants, StringComparison.Ordinal);
            Assert.DoesNotContain("ux_reservations_live_order", grants, StringComparison.Ordinal);
            Assert.DoesNotContain("ix_reservations_expiry", grants, StringComparison.Ordinal);
        });
    }

    // The plan the confirm's transaction makes for a prepared statement: its parameters are unknown (as $1, $2, …) and the
    // dialect's settings for keyed statements are on.
    private static async Task<string> GenericPlanAsync(DbConnection connection, string statement)
    {
        var names = new List<string>();
        var numbered = Parameter().Replace(statement.TrimEnd().TrimEnd(';'), match =>
        {
            var index = names.IndexOf(match.Groups[1].Value);
            if (index < 0)
            {
                names.Add(match.Groups[1].Value);
                index = names.Count - 1;
            }

            return "$" + (index + 1);
        });
        await using var tx = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(SqlDialect.Of(connection).PlanKeyedStatementsOnce, transaction: tx);
        await connection.ExecuteAsync($"PREPARE keyed AS {numbered}", transaction: tx);
        // Text for every parameter but @now, the one number among them.
        var values = string.Join(", ", names.Select(n => n == "now" ? "1" : "'x'"));
        var plan = string.Join('\n', await connection.QueryAsync<string>($"EXPLAIN EXECUTE keyed({values})", transaction: tx));
        await tx.RollbackAsync();
        await connection.ExecuteAsync("DEALLOCATE keyed"); // a session's prepared statement outlives the transaction
        return plan;
    }

    [GeneratedRegex("@([A-Za-z]+)")]
    private static partial Regex Parameter();
}
