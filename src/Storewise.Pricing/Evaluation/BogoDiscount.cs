namespace Storewise.Pricing;

/// <summary>
/// BogoPercentage and BogoFixed. Of all qualifying units, groups × get of the cheapest are discounted (docs/pricing-rules.md A15),
/// measured on their remaining value with zero-valued units cheapest (docs/pricing-rules.md A16), ties to the smaller line id (docs/pricing-rules.md A18).
/// </summary>
internal sealed class BogoDiscount
{
    // The targeted lines, cheapest unit first.
    private int[] order = new int[16];

    public long Apply(in Participant participant, ReadOnlySpan<int> targeted, CartLineTable lines, Span<long> remaining, EntryRecorder recorder)
    {
        var offer = participant.Offer.Offer;
        var buy = offer.BuyQuantity;
        var get = offer.GetQuantity;
        if (buy < 1 || get < 1 || targeted.Length == 0)
        {
            return 0;
        }

        var quantities = lines.Quantities;
        long units = 0;
        foreach (var line in targeted)
        {
            units += quantities[line];
        }

        var groups = units / ((long)buy + get);
        var toDiscount = groups * get;
        if (toDiscount == 0)
        {
            return 0;
        }

        ArrayCapacity.Reserve(ref order, targeted.Length);
        var cheapestFirst = order.AsSpan(0, targeted.Length);
        targeted.CopyTo(cheapestFirst);
        IndexSort.Sort(cheapestFirst, new CheapestUnitOrder(remaining, quantities, lines.LineIds));
        long taken = 0;
        for (var k = 0; k < cheapestFirst.Length && toDiscount > 0; k++)
        {
            var line = cheapestFirst[k];
            var quantity = quantities[line];
            var discounted = (int)Math.Min(quantity, toDiscount);
            toDiscount -= discounted;
            var left = remaining[line];
            if (left <= 0)
            {
                continue;
            }

            // Percent: rounded once per line on the discounted units' value. Fixed (docs/pricing-rules.md A17): per discounted unit,
            // capped at the unit's value (the line average, docs/pricing-rules.md A11).
            var amount = participant.Offer.IsPercent
                ? participant.Offer.Rate.OfPart(left, discounted, quantity)
                : MinorUnits.TimesCapped(participant.Amount, discounted, MinorUnits.ValueOfPart(left, discounted, quantity));
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
}
