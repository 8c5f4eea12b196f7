namespace Storewise.Pricing;

/// <summary>ProductLevelPercentage and ProductLevelFixed on each targeted line.</summary>
internal static class ProductDiscount
{
    public static long Apply(in Participant participant, ReadOnlySpan<int> targeted, ReadOnlySpan<int> quantities, Span<long> remaining, EntryRecorder recorder)
    {
        var offer = participant.Offer;
        long taken = 0;
        foreach (var line in targeted)
        {
            var left = remaining[line];
            if (left <= 0)
            {
                continue;
            }

            // docs/pricing-rules.md A10: a percentage rounds once per line, on the remaining line amount.
            // docs/pricing-rules.md A11: a fixed amount applies per unit, capped at the line average, i.e. min(quantity × amount, remaining).
            var quantity = quantities[line];
            var amount = offer.MaxQuantity >= quantity
                ? offer.IsPercent
                    ? participant.Rate.Of(left)
                    : MinorUnits.TimesCapped(participant.Amount, quantity, left)
                : DiscountOfUnits(participant, offer.MaxQuantity, quantity, left);
            if (amount <= 0)
            {
                continue;
            }

            remaining[line] = left - amount;
            taken += amount;
            recorder.Record(line, amount);
        }

        return taken;
    }

    // docs/pricing-semantics.md, "Caps": maxQuantity units of the line, valued at the line average (docs/pricing-rules.md A11),
    // a percentage rounded once on their value (docs/pricing-rules.md A10).
    private static long DiscountOfUnits(in Participant participant, int units, int quantity, long left) =>
        participant.Offer.IsPercent
            ? participant.Rate.OfPart(left, units, quantity)
            : MinorUnits.TimesCapped(participant.Amount, units, MinorUnits.ValueOfPart(left, units, quantity));
}
