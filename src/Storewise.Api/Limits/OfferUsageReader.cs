using System.Data.Common;
using Dapper;
using Storewise.Api.Common;
using Storewise.Pricing;

namespace Storewise.Api.Limits;

/// <summary>
/// Computes the <see cref="OfferUsage"/> of limited offers for one cart from the live redemptions, in one round
/// trip for all of them. Money budgets count only through reservations, which are not recorded yet, so their
/// whole amount remains (docs/decisions/0601-usage-limits-and-budget-periods.md).
/// </summary>
public static class OfferUsageReader
{
    public static async Task<Dictionary<string, OfferUsage>> ReadAsync(
        DbConnection connection, string tenant, PromotionCatalog catalog, IReadOnlyList<string> offerIds, Pricing.Cart cart, DateTimeOffset at)
    {
        var usage = new Dictionary<string, OfferUsage>(StringComparer.Ordinal);
        var terms = new List<(string Id, UsageTerms Terms, DateTimeOffset Start, DateTimeOffset End)>();
        foreach (var id in offerIds)
        {
            if (catalog.FindLimitedOffer(id)?.UsageTerms is not { } offerTerms || usage.ContainsKey(id))
            {
                continue;
            }

            // The engine terms carry the period as validated, so it always parses; total is the safe reading anyway.
            var period = BudgetPeriods.TryParse(offerTerms.BudgetPeriod, out var parsed) ? parsed : Offers.BudgetPeriod.Total;
            var (_, start, end) = BudgetPeriods.Of(period, offerTerms.TimeZone, at);
            terms.Add((id, offerTerms, start, end));
            usage[id] = new OfferUsage();
        }

        if (terms.Count == 0)
        {
            return usage;
        }

        // One statement per offer, sent together: uses of the offer, of this customer, and in the budget period.
        var sql = string.Join('\n', terms.Select((_, i) =>
            $"""
            SELECT COUNT(*) AS Uses,
                   COALESCE(SUM(CASE WHEN LOWER(TRIM(consumer_id)) = @customer THEN 1 ELSE 0 END), 0) AS CustomerUses,
                   COALESCE(SUM(CASE WHEN redeemed_at >= @start{i} AND redeemed_at < @end{i} THEN 1 ELSE 0 END), 0) AS PeriodUses
            FROM redemptions WHERE tenant = @tenant AND coupon_id = @offer{i} AND rolled_back_at IS NULL;
            """));
        var parameters = new DynamicParameters(new { tenant, customer = CustomerKey(cart.CustomerId) });
        for (var i = 0; i < terms.Count; i++)
        {
            parameters.Add($"offer{i}", terms[i].Id);
            parameters.Add($"start{i}", ToUnixMs(terms[i].Start));
            parameters.Add($"end{i}", ToUnixMs(terms[i].End));
        }

        using var results = await connection.QueryMultipleAsync(sql, parameters);
        foreach (var (id, offerTerms, _, _) in terms)
        {
            var counts = await results.ReadSingleAsync<UsageCounts>();
            usage[id] = new OfferUsage
            {
                RemainingRedemptions = Remaining(offerTerms.MaxRedemptions, counts.Uses),
                RemainingCustomerRedemptions = cart.CustomerId is null ? null : Remaining(offerTerms.MaxRedemptionsPerCustomer, counts.CustomerUses),
                RemainingBudgetRedemptions = Remaining(offerTerms.BudgetRedemptions, counts.PeriodUses),
                RemainingBudget = offerTerms.BudgetAmounts.TryGetValue(cart.Currency, out var amount) ? amount : null,
            };
        }

        return usage;
    }

    /// <summary>Customer ids compare trimmed and case-insensitively (docs/pricing-semantics.md, "Limits and budgets").</summary>
    public static string? CustomerKey(string? customerId) => customerId?.Trim().ToLowerInvariant();

    private static int? Remaining(int? limit, long used) => limit is { } max ? (int)Math.Max(0, max - used) : null;

    private static long ToUnixMs(DateTimeOffset instant) =>
        instant == DateTimeOffset.MinValue ? long.MinValue
        : instant == DateTimeOffset.MaxValue ? long.MaxValue
        : Timestamps.ToUnixMs(instant);

    // A class with setters, so Dapper converts SQLite's and PostgreSQL's integer types alike.
    private sealed class UsageCounts
    {
        public long Uses { get; set; }

        public long CustomerUses { get; set; }

        public long PeriodUses { get; set; }
    }
}
