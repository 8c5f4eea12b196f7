using System.Data.Common;
using System.Text;
using Dapper;
using Storewise.Api.Common;
using Storewise.Api.Storage;
using Storewise.Pricing;

namespace Storewise.Api.Limits;

/// <summary>
/// Reads what is left of the limits of some offers for one cart, in one round trip for all of them: the counters
/// the ledger holds (<see cref="UsageLedger"/>, for reservations and redemptions alike) plus the uses of
/// <c>POST /v0/promotions/redemption</c> no hold counts (rows without <c>hold_id</c>, made before the ledger or while
/// the coupon had no limits), which count toward count limits only
/// (docs/decisions/0603-redemptions-through-the-ledger-hold.md).
/// </summary>
public static class OfferUsageReader
{
    public static async Task<UsageSnapshot> ReadAsync(
        DbConnection connection, DbTransaction? transaction, string tenant, PromotionCatalog catalog, IReadOnlyList<string> offerIds, Pricing.Cart cart, DateTimeOffset at)
    {
        var offers = LimitedOffers(catalog, offerIds, cart, at);
        if (offers.Count == 0)
        {
            return Snapshot(offers, [], new());
        }

        // At most two statements whatever the number of offers: every counter of these offers any of them uses, and,
        // when coupons are among them, their redemptions outside the ledger grouped by coupon (each with its own
        // period, from a VALUES list: SQLite and PostgreSQL both name its columns column1, column2, ...). Only a
        // coupon's code is redeemed through that route, so a promotion has no such redemption and costs the counters'
        // statement alone (docs/decisions/0608-reservation-throughput.md).
        var dialect = SqlDialect.Of(connection);
        var coupons = offers.Where(o => catalog.FindCoupon(o.Id) is not null).ToList();
        var sql = new StringBuilder($"""
            SELECT offer_id AS OfferId, counter AS Name, used AS Used FROM usage_counters
            WHERE tenant = @tenant AND {dialect.In("offer_id", "offers")} AND {dialect.In("counter", "names")};
            """);
        if (coupons.Count > 0)
        {
            sql.Append($"""

                SELECT p.column1 AS OfferId, COUNT(r.id) AS Uses,
                       COALESCE(SUM(CASE WHEN r.customer_key = @customer THEN 1 ELSE 0 END), 0) AS CustomerUses,
                       COALESCE(SUM(CASE WHEN r.redeemed_at >= p.column2 AND r.redeemed_at < p.column3 THEN 1 ELSE 0 END), 0) AS PeriodUses
                FROM (VALUES {string.Join(", ", coupons.Select((_, i) => $"(@offer{i}, @start{i}, @end{i})"))}) AS p
                LEFT JOIN redemptions r ON r.tenant = @tenant AND r.coupon_id = p.column1 AND r.rolled_back_at IS NULL AND r.hold_id IS NULL
                GROUP BY p.column1;
                """);
        }

        var parameters = new DynamicParameters(new
        {
            tenant,
            offers = offers.Select(o => o.Id).ToArray(),
            names = offers.SelectMany(o => o.Counters.Names).Distinct(StringComparer.Ordinal).ToArray(),
        });
        if (coupons.Count > 0)
        {
            parameters.Add("customer", CustomerKeys.Of(cart.CustomerId));
        }

        for (var i = 0; i < coupons.Count; i++)
        {
            parameters.Add($"offer{i}", coupons[i].Id);
            parameters.Add($"start{i}", ToUnixMs(coupons[i].Counters.PeriodStart));
            parameters.Add($"end{i}", ToUnixMs(coupons[i].Counters.PeriodEnd));
        }

        List<HeldCounter> heldCounters;
        var redeemedByOffer = new Dictionary<string, RedeemedCounts>(StringComparer.Ordinal);
        using (var results = await connection.QueryMultipleAsync(sql.ToString(), parameters, transaction))
        {
            heldCounters = (await results.ReadAsync<HeldCounter>()).AsList();
            if (coupons.Count > 0)
            {
                redeemedByOffer = (await results.ReadAsync<RedeemedCounts>()).ToDictionary(r => r.OfferId, StringComparer.Ordinal);
            }
        }

        return Snapshot(offers, heldCounters, redeemedByOffer);
    }

    /// <summary>
    /// The counters and capacities of some limited promotions without reading anything: what a hold of a cart priced
    /// as if they had room moves (docs/decisions/0609-reserve-without-the-usage-read.md). Null when one of them is a
    /// coupon, whose capacities depend on its redemptions outside the ledger and so need the read.
    /// </summary>
    public static UsageSnapshot? Unread(PromotionCatalog catalog, IReadOnlyList<string> offerIds, Pricing.Cart cart, DateTimeOffset at) =>
        offerIds.Any(id => catalog.FindCoupon(id) is not null) ? null : Snapshot(LimitedOffers(catalog, offerIds, cart, at), [], new());

    private static List<(string Id, UsageTerms Terms, OfferCounters Counters)> LimitedOffers(
        PromotionCatalog catalog, IReadOnlyList<string> offerIds, Pricing.Cart cart, DateTimeOffset at)
    {
        var offers = new List<(string Id, UsageTerms Terms, OfferCounters Counters)>();
        foreach (var id in offerIds.Distinct(StringComparer.Ordinal))
        {
            if (catalog.FindLimitedOffer(id)?.UsageTerms is { } terms)
            {
                offers.Add((id, terms, UsageCounters.Of(terms, cart, at)));
            }
        }

        return offers;
    }

    // What is left of each offer's limits given the counters held and the uses outside the ledger, and the capacity of each counter.
    private static UsageSnapshot Snapshot(
        List<(string Id, UsageTerms Terms, OfferCounters Counters)> offers, List<HeldCounter> heldCounters, Dictionary<string, RedeemedCounts> redeemedByOffer)
    {
        var usage = new Dictionary<string, OfferUsage>(StringComparer.Ordinal);
        var counters = new Dictionary<string, OfferCounters>(StringComparer.Ordinal);
        var capacities = new Dictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.Ordinal);
        foreach (var (id, terms, offerCounters) in offers)
        {
            var redeemed = redeemedByOffer.GetValueOrDefault(id) ?? new RedeemedCounts();
            var held = heldCounters.Where(c => c.OfferId == id).ToDictionary(c => c.Name, c => c.Used, StringComparer.Ordinal);
            var capacity = new Dictionary<string, long>(StringComparer.Ordinal);
            int? Left(string? counter, int? limit, long redeemedOutsideTheLedger)
            {
                if (counter is null || limit is null)
                {
                    return null;
                }

                capacity[counter] = limit.Value - redeemedOutsideTheLedger;
                return (int)Math.Clamp(capacity[counter] - held.GetValueOrDefault(counter), 0, int.MaxValue);
            }

            decimal? money = null;
            if (offerCounters.MoneyCounter is { } moneyCounter && offerCounters.MoneyLimitMinor is { } moneyLimit)
            {
                capacity[moneyCounter] = moneyLimit;
                money = MinorAmounts.ToMoney(Math.Max(0, moneyLimit - held.GetValueOrDefault(moneyCounter)), offerCounters.Exponent);
            }

            usage[id] = new OfferUsage
            {
                RemainingRedemptions = Left(offerCounters.OfferCounter, terms.MaxRedemptions, redeemed.Uses),
                RemainingCustomerRedemptions = Left(offerCounters.CustomerCounter, terms.MaxRedemptionsPerCustomer, redeemed.CustomerUses),
                RemainingBudgetRedemptions = Left(offerCounters.UsesCounter, terms.BudgetRedemptions, redeemed.PeriodUses),
                RemainingBudget = money,
            };
            counters[id] = offerCounters;
            capacities[id] = capacity;
        }

        return new UsageSnapshot(usage, counters, capacities);
    }

    private static long ToUnixMs(DateTimeOffset instant) =>
        instant == DateTimeOffset.MinValue ? long.MinValue
        : instant == DateTimeOffset.MaxValue ? long.MaxValue
        : Timestamps.ToUnixMs(instant);

    // Classes with setters, so Dapper converts SQLite's and PostgreSQL's integer types alike.
    private sealed class RedeemedCounts
    {
        public string OfferId { get; set; } = "";

        public long Uses { get; set; }

        public long CustomerUses { get; set; }

        public long PeriodUses { get; set; }
    }

    private sealed class HeldCounter
    {
        public string OfferId { get; set; } = "";

        public string Name { get; set; } = "";

        public long Used { get; set; }
    }
}
