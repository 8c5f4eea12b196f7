namespace Storewise.Pricing;

/// <summary>CartLevelPercentage and CartLevelFixed, spread over the lines by largest remainder.</summary>
internal static class CartDiscount
{
    public static long Apply(EvaluationScratch scratch, int participantIndex, bool record)
    {
        ref readonly var participant = ref scratch.Participants[participantIndex];
        var offer = participant.Offer;
        var remaining = scratch.Remaining;

        // The proration base: every line not globally excluded, weighted by its remaining amount (4.3, A09).
        var count = 0;
        long eligibleTotal = 0;
        for (var line = 0; line < scratch.LineCount; line++)
        {
            if (scratch.Excluded[line] || remaining[line] <= 0)
            {
                continue;
            }

            scratch.TempLines[count] = line;
            scratch.TempWeights[count] = remaining[line];
            eligibleTotal += remaining[line];
            count++;
        }

        if (eligibleTotal <= 0)
        {
            return 0;
        }

        // A06: a percentage is taken of the eligible remaining total and rounded once; a fixed amount is capped by it.
        var discount = offer.IsPercent
            ? offer.Rate.Of(eligibleTotal)
            : Math.Min(participant.Amount, eligibleTotal);
        if (discount <= 0)
        {
            return 0;
        }

        LargestRemainder.Allocate(scratch, count, discount);
        for (var j = 0; j < count; j++)
        {
            var share = scratch.TempShares[j];
            if (share <= 0)
            {
                continue; // A42: zero shares get no entry.
            }

            var line = scratch.TempLines[j];
            remaining[line] -= share;
            if (record)
            {
                scratch.Record(participantIndex, line, share);
            }
        }

        return discount;
    }
}
