namespace Storewise.Pricing;

/// <summary>
/// The explain step for applied tiered offers (docs/pricing-semantics.md, "Near-miss hints";
/// docs/decisions/1004-next-tier-hints-for-applied-offers.md): the first tier above the one reached, measured as
/// <see cref="RewardTerms"/> measures it, and what is missing to reach it.
/// </summary>
internal static class NextTierHints
{
    public static IReadOnlyList<NextTierHint> For(in EvaluationContext context, CartLineTable lines, ParticipantSet participants)
    {
        List<NextTierHint>? hints = null;
        foreach (ref readonly var participant in participants.All)
        {
            var offer = participant.Offer;
            if (offer.Tiers.Length == 0 || ResultAssembly.OutcomeReason(participant) is not null || HintFor(context, lines, participants, participant) is not { } hint)
            {
                continue;
            }

            (hints ??= []).Add(new NextTierHint(offer.Source, offer.Id, participant.Code, offer.Name, hint));
        }

        return hints is null ? [] : hints;
    }

    private static OfferHint? HintFor(in EvaluationContext context, CartLineTable lines, ParticipantSet participants, in Participant participant)
    {
        var offer = participant.Offer;
        var definition = offer.Offer;
        if (offer.Family == OfferFamily.Product)
        {
            long units = 0;
            var quantities = lines.Quantities;
            foreach (var line in participants.LinesOf(participant))
            {
                units += Math.Max(0, quantities[line]);
            }

            return Next(offer, context, tier => tier.MinimumQuantity > units) is { } tier
                ? new OfferHint
                {
                    Kind = HintKind.Units,
                    MissingUnits = (int)(tier.MinimumQuantity - units),
                    Products = definition.IncludedProducts,
                    Categories = definition.IncludedCategories,
                }
                : null;
        }

        var total = context.CatalogTotalValue;
        if (Next(offer, context, tier => tier.MinimumCartValue > total) is not { } next)
        {
            return null;
        }

        // The base of minimumCartValue (docs/pricing-rules.md A35), rounded up to the minor unit like its hint.
        var unit = MinorUnits.ToDecimal(1, context.Exponent);
        return new OfferHint
        {
            Kind = HintKind.CartValue,
            MissingValue = decimal.Ceiling((next.MinimumCartValue - total) / unit) * unit,
            Currency = context.Cart.Currency,
            Products = definition.IncludedProducts,
            Categories = definition.IncludedCategories,
        };
    }

    // Tiers ascend; a fixed tier without an amount in the cart currency changes nothing when reached, so it is passed over.
    private static CompiledTier? Next(CompiledOffer offer, in EvaluationContext context, Func<CompiledTier, bool> above)
    {
        foreach (var tier in offer.Tiers)
        {
            if (above(tier) && (offer.IsPercent || CurrencyAmountMinor.TryFind(tier.Amounts, context.CurrencyId, out _)))
            {
                return tier;
            }
        }

        return null;
    }
}
