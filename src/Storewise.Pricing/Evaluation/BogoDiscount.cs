namespace Storewise.Pricing;

/// <summary>
/// BogoPercentage and BogoFixed. Of all qualifying units, groups × get of the cheapest are discounted (A15),
/// measured on their remaining value with zero-valued units cheapest (A16), ties to the smaller line id (A18).
/// </summary>
internal static class BogoDiscount
{
    public static long Apply(EvaluationScratch scratch, int participantIndex, bool record)
    {
        ref readonly var participant = ref scratch.Participants[participantIndex];
        var offer = participant.Offer.Offer;
        var buy = offer.BuyQuantity;
        var get = offer.GetQuantity;
        if (buy < 1 || get < 1 || participant.LineCount == 0)
        {
            return 0;
        }

        var order = scratch.TempOrder.AsSpan(0, participant.LineCount);
        long units = 0;
        for (var k = 0; k < participant.LineCount; k++)
        {
            var line = scratch.ParticipantLines[participant.LineStart + k];
            order[k] = line;
            units += scratch.Quantity[line];
        }

        var groups = units / ((long)buy + get);
        var toDiscount = groups * get;
        if (toDiscount == 0)
        {
            return 0;
        }

        IndexSort.Sort(order, new CheapestUnitOrder(scratch.Remaining, scratch.Quantity, scratch.LineIds));
        long taken = 0;
        for (var k = 0; k < order.Length && toDiscount > 0; k++)
        {
            var line = order[k];
            var quantity = scratch.Quantity[line];
            var discounted = (int)Math.Min(quantity, toDiscount);
            toDiscount -= discounted;
            var left = scratch.Remaining[line];
            if (left <= 0)
            {
                continue;
            }

            // Percent: rounded once per line on the discounted units' value. Fixed (A17): per discounted unit,
            // capped at the unit's value (the line average, A11).
            var amount = participant.Offer.IsPercent
                ? participant.Offer.Rate.OfPart(left, discounted, quantity)
                : MinorUnits.TimesCapped(participant.Amount, discounted, MinorUnits.ValueOfPart(left, discounted, quantity));
            if (amount <= 0)
            {
                continue;
            }

            scratch.Remaining[line] = left - amount;
            taken += amount;
            if (record)
            {
                scratch.Record(participantIndex, line, amount);
            }
        }

        return taken;
    }
}
