namespace Storewise.Pricing;

/// <summary>
/// What a redemption tells about the order a code is redeemed for. It carries no store and no customer
/// attributes, so the store (A32) and segment (A31) checks do not apply to it.
/// </summary>
/// <param name="Currency">The order currency, compared case-insensitively (A56).</param>
/// <param name="CatalogTotal">The order's catalog total, compared with the minimum cart value (A35).</param>
/// <param name="CustomerId">The customer, for coupons restricted to consumers (A33); null when anonymous.</param>
/// <param name="At">The instant of the redemption (A29).</param>
public sealed record RedemptionContext(string Currency, decimal CatalogTotal, string? CustomerId, DateTimeOffset At);
