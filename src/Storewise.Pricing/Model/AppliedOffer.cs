namespace Storewise.Pricing;

/// <summary>
/// What every discount entry of one offer in one pricing shares: the offer, the code it came in with, its
/// configured value. <paramref name="Level"/> is "item", "cart" or "shipping"; <paramref name="Value"/> is the
/// configured percent or the amount in the cart currency (docs/pricing-rules.md A54).
/// </summary>
public sealed record AppliedOffer(
    OfferSource Source,
    string Id,
    string? CouponCode,
    string Name,
    OfferKind Kind,
    string Level,
    decimal Value,
    bool Exclusive);
