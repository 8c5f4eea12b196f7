namespace Storewise.Pricing;

/// <summary>
/// Builds a <see cref="Participant"/> from an offer that passed the eligibility checks and selected its lines: its
/// terms in the cart currency, then its usage limits (<see cref="UsageLimits"/>).
/// </summary>
internal static class ParticipantFactory
{
    public static Participant Create(
        in EvaluationContext context, CompiledOffer offer, in CurrencyTerms terms, CouponCodeState? code, string? codeText, int codePosition, int lineStart, int lineCount)
    {
        var usage = UsageLimits.Find(context.Usage, offer);
        var verdict = UsageLimits.Check(offer, code, context.Cart.CustomerId, usage, context.Exponent, out var cap);
        return new()
        {
            Offer = offer,
            Code = codeText,
            CodePosition = codePosition,
            Amount = offer.IsPercent ? 0 : terms.AmountMinor,
            // docs/pricing-rules.md A54: the configured percent, unrounded; for fixed kinds the amount in the cart currency at the minor unit.
            Value = offer.IsPercent ? offer.Percent : terms.AmountValue,
            LineStart = lineStart,
            LineCount = lineCount,
            Blocked = verdict.ReasonCode(),
            Cap = cap,
            Usage = usage,
            Rate = offer.Rate,
        };
    }
}
