namespace Storewise.Pricing;

/// <summary>An offer that was not applied, with a reason from <see cref="ReasonCodes"/> (explain mode).</summary>
public sealed record NotAppliedPromotion(OfferSource Source, string Id, string Name, string Reason);
