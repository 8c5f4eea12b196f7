namespace Storewise.Pricing;

/// <summary>
/// The terms of a participant that depend on the cart: the tier it reached (docs/pricing-semantics.md, "Tiers")
/// and its maximum discount in the cart currency, which joins the budget cap as the smaller of the two
/// (docs/pricing-semantics.md, "Caps"). Offers without either are left as the factory made them.
/// </summary>
internal static class RewardTerms
{
    public static void Resolve(in EvaluationContext context, CartLineTable lines, ParticipantSet participants)
    {
        for (var p = 0; p < participants.Count; p++)
        {
            ResolveOne(context, lines, participants, p);
        }
    }

    /// <summary>Resolves the terms of one participant, as <see cref="Resolve"/> does for each.</summary>
    public static void ResolveOne(in EvaluationContext context, CartLineTable lines, ParticipantSet participants, int participantIndex)
    {
        ref var participant = ref participants[participantIndex];
        var offer = participant.Offer;
        if (!offer.HasRewardTerms)
        {
            return;
        }

        if (offer.Tiers.Length > 0)
        {
            ApplyTier(ref participant, context, lines, participants);
        }

        if (CurrencyAmountMinor.TryFind(offer.MaxDiscounts, context.CurrencyId, out var max))
        {
            participant.Cap = participant.Cap == UsageLimits.Uncapped ? max.Minor : Math.Min(participant.Cap, max.Minor);
        }
    }

    // The highest tier reached replaces the offer's own percent or amount. Cart-level kinds measure the catalog total of
    // every line (the base of docs/pricing-rules.md A35), product-level kinds the units of the lines their targeting selected.
    private static void ApplyTier(ref Participant participant, in EvaluationContext context, CartLineTable lines, ParticipantSet participants)
    {
        var offer = participant.Offer;
        long units = 0;
        if (offer.Family == OfferFamily.Product)
        {
            var quantities = lines.Quantities;
            foreach (var line in participants.LinesOf(participant))
            {
                units += Math.Max(0, quantities[line]);
            }
        }

        CompiledTier? reached = null;
        foreach (var tier in offer.Tiers)
        {
            var passes = offer.Family == OfferFamily.Product
                ? units >= tier.MinimumQuantity
                : context.CatalogTotalValue >= tier.MinimumCartValue;
            if (passes)
            {
                reached = tier; // ascending thresholds: the last one passed is the highest
            }
        }

        if (reached is null)
        {
            return;
        }

        if (offer.IsPercent)
        {
            participant.Rate = reached.Rate;
            participant.Value = reached.Percent;
        }
        else if (CurrencyAmountMinor.TryFind(reached.Amounts, context.CurrencyId, out var amount))
        {
            participant.Amount = amount.Minor;
            participant.Value = amount.Value;
        }
    }
}
