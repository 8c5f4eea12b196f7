namespace Storewise.Pricing;

/// <summary>
/// The priced cart. <paramref name="Items"/> are in request order; <paramref name="DiscountTotal"/> counts item
/// discounts only and <paramref name="Total"/> is item totals plus <paramref name="ShippingTotal"/> (docs/pricing-rules.md A51).
/// <paramref name="NotApplied"/> is null unless explain was requested.
/// </summary>
public sealed record PricingResult(
    IReadOnlyList<PricedItem> Items,
    decimal CatalogTotal,
    decimal DiscountTotal,
    IReadOnlyList<AppliedDiscount> ShippingDiscounts,
    decimal ShippingTotal,
    decimal Total,
    IReadOnlyList<RejectedCoupon> RejectedCoupons,
    IReadOnlyList<NotAppliedPromotion>? NotApplied);
