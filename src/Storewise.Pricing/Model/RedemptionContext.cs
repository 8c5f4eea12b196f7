namespace Storewise.Pricing;

/// <summary>
/// What a redemption tells about the order a code is redeemed for. It carries no store and no customer
/// attributes, so the store (docs/pricing-rules.md A32) and segment (docs/pricing-rules.md A31) checks do not apply to it.
/// </summary>
/// <param name="Currency">The order currency, compared case-insensitively (docs/pricing-rules.md A56).</param>
/// <param name="CatalogTotal">The order's catalog total, compared with the minimum cart value (docs/pricing-rules.md A35).</param>
/// <param name="CustomerId">The customer, for coupons restricted to consumers (docs/pricing-rules.md A33); null when anonymous.</param>
/// <param name="At">The instant of the redemption (docs/pricing-rules.md A29).</param>
public sealed record RedemptionContext(string Currency, decimal CatalogTotal, string? CustomerId, DateTimeOffset At)
{
    /// <summary>What is left of the coupon's usage limits (see <see cref="OfferUsage"/>); null when it has none or they were not read.</summary>
    public OfferUsage? Usage { get; init; }
}
