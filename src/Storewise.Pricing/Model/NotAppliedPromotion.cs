namespace Storewise.Pricing;

/// <summary>An offer that was not applied, with a reason from <see cref="ReasonCodes"/> (explain mode).</summary>
public sealed record NotAppliedPromotion(OfferSource Source, string Id, string Name, string Reason)
{
    /// <summary>What is missing when the offer failed on one threshold only (docs/pricing-semantics.md, "Near-miss hints"); null otherwise.</summary>
    public OfferHint? Hint { get; init; }
}
