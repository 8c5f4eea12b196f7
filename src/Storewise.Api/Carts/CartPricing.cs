using System.Collections.Frozen;
using System.Data.Common;
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

    /// <summary>
    /// Prices <paramref name="cart"/>; <paramref name="vary"/> and <paramref name="varyCodes"/>, when given, turn the stored
    /// catalogue and code states into the ones to price with (a preview).
    /// </summary>
    /// <remarks>Its reads may be served by the read replica (docs/decisions/0513-read-replicas.md).</remarks>
    public async Task<PricingResult> PriceAsync(
        string tenant, Pricing.Cart cart, DateTimeOffset evaluatedAt, bool explain, Func<PromotionCatalog, PromotionCatalog>? vary = null,
        Func<IReadOnlyDictionary<string, CouponCodeState>, IReadOnlyDictionary<string, CouponCodeState>>? varyCodes = null) =>
        (await PriceAsync(tenant, cart, evaluatedAt, explain, vary, varyCodes, replica: true)).Result;

    /// <summary>
    /// Prices the cart and says what it was priced with: the catalogue and the usage read of the limited offers that
    /// took part (empty when none did), which is what a reservation holds.
    /// </summary>
    /// <remarks>A reservation holds what this read, so its codes are read on the primary.</remarks>
    public Task<UsagePricedCart> PriceWithUsageAsync(
        string tenant, Pricing.Cart cart, DateTimeOffset evaluatedAt, bool explain, Func<PromotionCatalog, PromotionCatalog>? vary = null,
        Func<IReadOnlyDictionary<string, CouponCodeState>, IReadOnlyDictionary<string, CouponCodeState>>? varyCodes = null) =>
        PriceAsync(tenant, cart, evaluatedAt, explain, vary, varyCodes, replica: false);

    /// <summary>
    /// As <see cref="PriceWithUsageAsync"/>, but limited promotions are priced as if they had room, without reading
    /// their usage: a hold of this price stands exactly when they had room, and then pricing with their usage would
    /// have given the same price (docs/decisions/0609-reserve-without-the-usage-read.md). A cart that meets a limited
    /// coupon reads its usage as <see cref="PriceWithUsageAsync"/> does.
    /// </summary>
    public Task<UsagePricedCart> PriceAssumingRoomAsync(string tenant, Pricing.Cart cart, DateTimeOffset evaluatedAt) =>
        PriceAsync(tenant, cart, evaluatedAt, explain: false, vary: null, varyCodes: null, replica: false, assumeRoom: true);

    private async Task<UsagePricedCart> PriceAsync(
        string tenant, Pricing.Cart cart, DateTimeOffset evaluatedAt, bool explain, Func<PromotionCatalog, PromotionCatalog>? vary,
        Func<IReadOnlyDictionary<string, CouponCodeState>, IReadOnlyDictionary<string, CouponCodeState>>? varyCodes, bool replica, bool assumeRoom = false)
    {
        var keys = cart.CouponCodes.Select(CodeText.Key).Distinct(StringComparer.Ordinal).ToArray();
        var (version, codes) = keys.Length == 0 && database.Versions.TryGetCurrent(tenant, out var known)
            ? (known, NoCodes)
            : await ReadAsync(tenant, keys, replica);
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
            return new UsagePricedCart(result, catalog, UsageSnapshot.Empty);
        }

        if (assumeRoom && OfferUsageReader.Unread(catalog, result.UsageWanted, cart, evaluatedAt) is { } unread)
        {
            return new UsagePricedCart(result, catalog, unread);
        }

        // A limited offer took part: one more round trip reads its usage, and the cart is priced again with it.
        await using var usageConnection = await database.OpenAsync();
        var usage = await OfferUsageReader.ReadAsync(usageConnection, null, tenant, catalog, result.UsageWanted, cart, evaluatedAt);
        return new UsagePricedCart(PricingEngine.Evaluate(cart, evaluatedAt, catalog, codes, usage.Usage, explain), catalog, usage);
    }

    /// <summary>
    /// What the cart qualifies for (docs/pricing-semantics.md, "Qualification"), from the same cached catalogue as
    /// <see cref="PriceWithUsageAsync"/>; limited offers that are listed take the same one extra round trip for
    /// their usage, through <see cref="OfferUsageReader"/>.
    /// </summary>
    public async Task<QualificationResult> QualifyAsync(string tenant, Pricing.Cart cart, DateTimeOffset evaluatedAt, bool includeCoupons)
    {
        var version = database.Versions.TryGetCurrent(tenant, out var known) ? known : (await ReadAsync(tenant, [], replica: true)).Version;
        var catalog = await cache.GetAsync(tenant, version);
        var result = OfferQualification.Qualify(cart, evaluatedAt, catalog, UsageSnapshot.Empty.Usage, includeCoupons);
        if (result.UsageWanted.Count == 0)
        {
            return result;
        }

        await using var usageConnection = await database.OpenAsync();
        var usage = await OfferUsageReader.ReadAsync(usageConnection, null, tenant, catalog, result.UsageWanted, cart, evaluatedAt);
        return OfferQualification.Qualify(cart, evaluatedAt, catalog, usage.Usage, includeCoupons);
    }

    /// <summary>One round trip: the tenant's catalogue version, and the state of the submitted codes if any.</summary>
    private async Task<(long Version, IReadOnlyDictionary<string, CouponCodeState> Codes)> ReadAsync(string tenant, string[] keys, bool replica)
    {
        metrics.CartReadDatabase();
        // Taken before the read: the version read is at least the one committed at this instant.
        var started = Stopwatch.GetTimestamp();
        var (version, codes) = replica ? await database.ReadAsync(Read) : await ReadOnPrimaryAsync();
        database.Versions.Confirm(tenant, version, started);
        return (version, codes);

        async Task<(long Version, IReadOnlyDictionary<string, CouponCodeState> Codes)> ReadOnPrimaryAsync()
        {
            await using var connection = await database.OpenAsync();
            return await Read(connection);
        }

        async Task<(long Version, IReadOnlyDictionary<string, CouponCodeState> Codes)> Read(DbConnection connection)
        {
            if (keys.Length == 0)
            {
                return (await CatalogueVersions.GetAsync(connection, tenant), NoCodes);
            }

            var match = database.Dialect.In("code_key", "keys");
            using var results = await connection.QueryMultipleAsync(
                $"""
                SELECT version FROM catalogue_versions WHERE tenant = @tenant;
                SELECT code, coupon_id AS CouponId, active, redemptions + held AS redemptions FROM coupon_codes WHERE tenant = @tenant AND {match};
                """,
                new { tenant, keys });
            var version = await results.ReadSingleOrDefaultAsync<long?>() ?? 0;
            var found = new Dictionary<string, CouponCodeState>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in await results.ReadAsync<CodeRow>())
            {
                found[row.Code] = new CouponCodeState(row.Code, row.CouponId, row.Active, (int)row.Redemptions);
            }

            return (version, found);
        }
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
