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
    IReadOnlyList<NotAppliedPromotion>? NotApplied)
{
    /// <summary>
    /// Ids of offers with usage limits that took part without an <see cref="OfferUsage"/>, so were priced as if
    /// unlimited: the caller reads their counters and prices again. Empty when nothing is missing.
    /// </summary>
    public IReadOnlyList<string> UsageWanted { get; init; } = [];

    /// <summary>Explain mode: the usage state of every limited offer that took part; null otherwise.</summary>
    public IReadOnlyList<OfferUsageReport>? Usage { get; init; }

    /// <summary>Gifts the cart did not hold, added at price 0 (docs/pricing-semantics.md, "Gifts"); empty when none.</summary>
    public IReadOnlyList<AddedItem> AddedItems { get; init; } = [];

    /// <summary>Explain mode, when some offer reads its times in the store's zone: which zone was used; null otherwise.</summary>
    public StoreTimeReading? StoreTime { get; init; }

    /// <summary>
    /// Explain mode: applied tiered offers below their highest tier, with what reaches the next one
    /// (docs/decisions/1004-next-tier-hints-for-applied-offers.md); empty otherwise.
    /// </summary>
    public IReadOnlyList<NextTierHint> NextTiers { get; init; } = [];
}
