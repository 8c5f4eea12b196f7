namespace Storewise.Pricing;

/// <summary>Builds a <see cref="Participant"/> from an eligible offer and its terms in the cart currency.</summary>
internal static class ParticipantFactory
{
    public static Participant Create(CompiledOffer offer, in CurrencyTerms terms, string? code, int codePosition, int lineStart, int lineCount) => new()
    {
        Offer = offer,
        Code = code,
        CodePosition = codePosition,
        Amount = offer.IsPercent ? 0 : terms.AmountMinor,
        // docs/pricing-rules.md A54: the configured percent, unrounded; for fixed kinds the amount in the cart currency at the minor unit.
        Value = offer.IsPercent ? offer.Percent : terms.AmountValue,
        LineStart = lineStart,
        LineCount = lineCount,
    };
}
