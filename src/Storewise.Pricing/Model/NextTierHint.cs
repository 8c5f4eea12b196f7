namespace Storewise.Pricing;

/// <summary>
/// An applied tiered offer below its highest tier, and what it takes to reach the next one (docs/pricing-semantics.md,
/// "Near-miss hints"): <see cref="Hint"/> is a <see cref="HintKind.CartValue"/> hint for cart tiers and a
/// <see cref="HintKind.Units"/> hint for volume tiers. <paramref name="CouponCode"/> is null for promotions.
/// </summary>
public sealed record NextTierHint(OfferSource Source, string Id, string? CouponCode, string Name, OfferHint Hint);
