using System.Data.Common;
using Dapper;

namespace Storewise.Api.Limits;

/// <summary>
/// The one place a customer id becomes the key <c>maxRedemptionsPerCustomer</c> counts by: trimmed of Unicode white
/// space and lower-cased with the invariant culture's mapping for all of Unicode, so <c>"Ärger@x"</c> and
/// <c>"ärger@X "</c> are one customer (docs/decisions/0605-customer-keys-normalised-once.md). Keys are computed here
/// and stored; SQL never lower-cases a customer id (SQLite's <c>LOWER</c> knows only ASCII).
/// </summary>
public static class CustomerKeys
{
    /// <summary>The migration whose data step fills <c>redemptions.customer_key</c> for the rows written before it.</summary>
    public const string BackfillVersion = "0011_ledger_holds_and_customer_keys";

    /// <summary>The key of <paramref name="customerId"/>; null when there is no customer.</summary>
    public static string? Of(string? customerId) =>
        string.IsNullOrWhiteSpace(customerId) ? null : customerId.Trim().ToLowerInvariant();

    /// <summary>Fills the key of every redemption that has a customer id and no key yet, one update per distinct id.</summary>
    public static async Task BackfillAsync(DbConnection connection, DbTransaction transaction)
    {
        var ids = await connection.QueryAsync<string>(
            "SELECT DISTINCT consumer_id FROM redemptions WHERE consumer_id IS NOT NULL AND customer_key IS NULL", transaction: transaction);
        foreach (var id in ids)
        {
            await connection.ExecuteAsync(
                "UPDATE redemptions SET customer_key = @key WHERE consumer_id = @id AND customer_key IS NULL",
                new { id, key = Of(id) },
                transaction);
        }
    }
}
