namespace Storewise.Pricing;

/// <summary>
/// One discount entry. <paramref name="Level"/> is "item", "cart" or "shipping"; <paramref name="Value"/> is the
/// configured percent or the amount in the cart currency; <paramref name="Amount"/> is the money taken off (docs/pricing-rules.md A54).
/// </summary>
public sealed record AppliedDiscount(
    OfferSource Source,
    string Id,
    string? CouponCode,
    string Name,
    OfferKind Kind,
    string Level,
    decimal Value,
    decimal Amount,
    bool Exclusive);
