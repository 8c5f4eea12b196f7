namespace Storewise.Pricing;

/// <summary>
/// Every offer that applies to a cart or nearly applies, sorted by saving (largest first), then applying before
/// nearly applying, then id (ordinal). <see cref="UsageWanted"/> lists limited offers judged without a usage state,
/// as in <see cref="PricingResult.UsageWanted"/>: the caller reads them and qualifies again.
/// </summary>
public sealed record QualificationResult(IReadOnlyList<QualifiedOffer> Offers, IReadOnlyList<string> UsageWanted);
