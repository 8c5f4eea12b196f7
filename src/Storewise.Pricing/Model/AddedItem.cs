namespace Storewise.Pricing;

/// <summary>
/// A gift the cart did not hold, added at price 0 by the FreeGift offer <paramref name="OfferId"/>
/// (docs/pricing-semantics.md, "Gifts"); <paramref name="CouponCode"/> is null for promotions.
/// </summary>
public sealed record AddedItem(string ProductId, int Quantity, OfferSource Source, string OfferId, string? CouponCode, string OfferName);
