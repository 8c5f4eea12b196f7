namespace Storewise.Pricing;

/// <summary>An offer that was not applied, with a reason from <see cref="ReasonCodes"/> (explain mode).</summary>
/// <remarks>
/// A value type: the explain report holds one per stored promotion that did not apply (about a thousand for a
/// typical catalog), and as structs they live inline in the report's one array instead of a thousand objects.
/// </remarks>
public readonly record struct NotAppliedPromotion(OfferSource Source, string Id, string Name, string Reason)
{
    /// <summary>What is missing when the offer failed on one threshold only (docs/pricing-semantics.md, "Near-miss hints"); null otherwise.</summary>
    public OfferHint? Hint { get; init; }
}
