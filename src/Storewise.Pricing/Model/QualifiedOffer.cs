namespace Storewise.Pricing;

/// <summary>
/// One promotion or coupon in a qualification answer: the money it gives this cart now (<see cref="Saving"/>, 0 when
/// it does not apply yet), the reason it does not apply and its <see cref="Hint"/> when it nearly does, and the
/// usage state it was judged with (null for an unlimited offer or when it was not read).
/// </summary>
public sealed record QualifiedOffer(OfferSource Source, string Id, string Name, decimal Saving, string? Reason, OfferHint? Hint)
{
    public OfferUsage? Usage { get; init; }
}
