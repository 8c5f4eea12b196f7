namespace Storewise.Pricing;

/// <summary>The usage state an evaluation priced a limited offer with (explain mode).</summary>
public sealed record OfferUsageReport(OfferSource Source, string Id, OfferUsage Usage);
