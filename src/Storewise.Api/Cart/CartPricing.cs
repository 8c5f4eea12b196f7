using Dapper;
using Storewise.Api.Codes;
using Storewise.Api.Storage;
using Storewise.Api.Telemetry;
using Storewise.Pricing;

namespace Storewise.Api.Cart;

/// <summary>
/// Prices one cart: one database round trip reads the tenant's catalogue version and the state of the
/// submitted codes; the compiled promotion set comes from <see cref="PromotionSetCache"/>; the engine does
/// the rest in memory.
/// </summary>
public sealed class CartPricing(Database database, PromotionSetCache cache, StorewiseMetrics metrics)
{
    public async Task<PricingResult> PriceAsync(string tenant, Pricing.Cart cart, DateTimeOffset evaluatedAt, bool explain)
    {
        var keys = cart.CouponCodes.Select(CodeText.Key).Distinct(StringComparer.Ordinal).ToArray();
        long version;
        var codes = new Dictionary<string, CouponCodeState>(StringComparer.OrdinalIgnoreCase);
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
                foreach (var row in await results.ReadAsync<CodeRow>())
                {
                    codes[row.Code] = new CouponCodeState(row.Code, row.CouponId, row.Active, (int)row.Redemptions);
                }
            }
        }

        var catalog = await cache.GetAsync(tenant, version);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = PricingEngine.Evaluate(cart, evaluatedAt, catalog, codes, explain);
        metrics.CartPriced(System.Diagnostics.Stopwatch.GetElapsedTime(started), catalog.PromotionCount);
        return result;
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
