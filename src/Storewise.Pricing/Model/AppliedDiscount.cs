namespace Storewise.Pricing;

/// <summary>
/// One discount entry: the money <paramref name="Amount"/> taken off by <paramref name="Offer"/> (docs/pricing-rules.md A54).
/// A value holding one shared <see cref="AppliedOffer"/>, so a cart's hundreds of entries are one array rather than
/// one object each, the largest share of a result.
/// </summary>
public readonly record struct AppliedDiscount(AppliedOffer Offer, decimal Amount)
{
    public OfferSource Source => Offer.Source;

    public string Id => Offer.Id;

    public string? CouponCode => Offer.CouponCode;

    public string Name => Offer.Name;

    public OfferKind Kind => Offer.Kind;

    /// <summary>"item", "cart" or "shipping".</summary>
    public string Level => Offer.Level;

    /// <summary>The configured percent or the amount in the cart currency.</summary>
    public decimal Value => Offer.Value;

    public bool Exclusive => Offer.Exclusive;
}
