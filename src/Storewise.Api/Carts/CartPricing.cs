using System.Collections.Frozen;
using System.Diagnostics;
using Dapper;
using Storewise.Api.Codes;
using Storewise.Api.Limits;
using Storewise.Api.Storage;
using Storewise.Api.Telemetry;
using Storewise.Pricing;

namespace Storewise.Api.Carts;

/// <summary>
/// Prices one cart: the tenant's catalogue version comes from what this instance knows while that is fresh
/// enough, so a cart without codes usually reads nothing (docs/decisions/0510-catalogue-change-notifications.md);
/// a cart with codes makes one round trip for the codes' state and the version together. The compiled promotion
/// set comes from <see cref="PromotionSetCache"/>; the engine does the rest in memory. A cart that meets an offer
/// with usage limits takes one more round trip for its counters.
/// </summary>
public sealed class CartPricing(Database database, PromotionSetCache cache, StorewiseMetrics metrics)
{
    private static readonly IReadOnlyDictionary<string, CouponCodeState> NoCodes =
        FrozenDictionary<string, CouponCodeState>.Empty;

    private static readonly UsageSnapshot NoUsage = new(
        new Dictionary<string, OfferUsage>(), new Dictionary<string, OfferCounters>(), new Dictionary<string, IReadOnlyDictionary<string, long>>());

    /// <summary>
    /// Prices <paramref name="cart"/>; <paramref name="vary"/> and <paramref name="varyCodes"/>, when given, turn the stored
    /// catalogue and code states into the ones to price with (a preview).
    /// </summary>
    public async Task<PricingResult> PriceAsync(
        string tenant, Pricing.Cart cart, DateTimeOffset evaluatedAt, bool explain, Func<PromotionCatalog, PromotionCatalog>? vary = null,
        Func<IReadOnlyDictionary<string, CouponCodeState>, IReadOnlyDictionary<string, CouponCodeState>>? varyCodes = null) =>
        (await PriceWithUsageAsync(tenant, cart, evaluatedAt, explain, vary, varyCodes)).Result;

    /// <summary>
    /// Prices the cart and says what it was priced with: the catalogue and the usage read of the limited offers that
    /// took part (empty when none did), which is what a reservation holds.
    /// </summary>
    public async Task<UsagePricedCart> PriceWithUsageAsync(
        string tenant, Pricing.Cart cart, DateTimeOffset evaluatedAt, bool explain, Func<PromotionCatalog, PromotionCatalog>? vary = null,
        Func<IReadOnlyDictionary<string, CouponCodeState>, IReadOnlyDictionary<string, CouponCodeState>>? varyCodes = null)
    {
        var keys = cart.CouponCodes.Select(CodeText.Key).Distinct(StringComparer.Ordinal).ToArray();
        var (version, codes) = keys.Length == 0 && database.Versions.TryGetCurrent(tenant, out var known)
            ? (known, NoCodes)
            : await ReadAsync(tenant, keys);
        var catalog = await cache.GetAsync(tenant, version);
        if (vary is not null)
        {
            catalog = vary(catalog);
        }

        if (varyCodes is not null)
        {
            codes = varyCodes(codes);
        }

        var started = Stopwatch.GetTimestamp();
        var result = PricingEngine.Evaluate(cart, evaluatedAt, catalog, codes, explain);
        metrics.CartPriced(Stopwatch.GetElapsedTime(started), catalog.PromotionCount);
        if (result.UsageWanted.Count == 0)
        {
            return new UsagePricedCart(result, catalog, NoUsage);
        }

        // A limited offer took part: one more round trip reads its usage, and the cart is priced again with it.
        await using var usageConnection = await database.OpenAsync();
        var usage = await OfferUsageReader.ReadAsync(usageConnection, null, tenant, catalog, result.UsageWanted, cart, evaluatedAt);
        return new UsagePricedCart(PricingEngine.Evaluate(cart, evaluatedAt, catalog, codes, usage.Usage, explain), catalog, usage);
    }

    /// <summary>One round trip: the tenant's catalogue version, and the state of the submitted codes if any.</summary>
    private async Task<(long Version, IReadOnlyDictionary<string, CouponCodeState> Codes)> ReadAsync(string tenant, string[] keys)
    {
        metrics.CartReadDatabase();
        // Taken before the read: the version read is at least the one committed at this instant.
        var started = Stopwatch.GetTimestamp();
        long version;
        var codes = NoCodes;
        await using (var connection = await database.OpenAsync())
        {
            if (keys.Length == 0)
            {
                version = await CatalogueVersions.GetAsync(connection, tenant);
            }
            else
            {
                var match = database.Dialect.In("code_key", "keys");
                using var results = await connection.QueryMultipleAsync(
                    $"""
                    SELECT version FROM catalogue_versions WHERE tenant = @tenant;
                    SELECT code, coupon_id AS CouponId, active, redemptions FROM coupon_codes WHERE tenant = @tenant AND {match};
                    """,
                    new { tenant, keys });
                version = await results.ReadSingleOrDefaultAsync<long?>() ?? 0;
                var found = new Dictionary<string, CouponCodeState>(StringComparer.OrdinalIgnoreCase);
                foreach (var row in await results.ReadAsync<CodeRow>())
                {
                    found[row.Code] = new CouponCodeState(row.Code, row.CouponId, row.Active, (int)row.Redemptions);
                }

                codes = found;
            }
        }

        database.Versions.Confirm(tenant, version, started);
        return (version, codes);
    }

    // A class with setters, so Dapper converts SQLite's INTEGER flags and counters as well as PostgreSQL's types.
    private sealed class CodeRow
    {
        public string Code { get; set; } = "";

        public string CouponId { get; set; } = "";

        public bool Active { get; set; }

        public long Redemptions { get; set; }
    }
}
