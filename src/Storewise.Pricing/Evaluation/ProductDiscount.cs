namespace Storewise.Pricing;

/// <summary>ProductLevelPercentage and ProductLevelFixed on each targeted line.</summary>
internal static class ProductDiscount
{
    public static long Apply(EvaluationScratch scratch, int participantIndex, bool record)
    {
        ref readonly var participant = ref scratch.Participants[participantIndex];
        var offer = participant.Offer;
        var remaining = scratch.Remaining;
        long taken = 0;
        for (var k = 0; k < participant.LineCount; k++)
        {
            var line = scratch.ParticipantLines[participant.LineStart + k];
            var left = remaining[line];
            if (left <= 0)
            {
                continue;
            }

            // A10: a percentage rounds once per line, on the remaining line amount.
            // A11: a fixed amount applies per unit, capped at the line average, i.e. min(quantity × amount, remaining).
            var amount = offer.IsPercent
                ? offer.Rate.Of(left)
                : MinorUnits.TimesCapped(participant.Amount, scratch.Quantity[line], left);
            if (amount <= 0)
            {
                continue;
            }

            remaining[line] = left - amount;
            taken += amount;
            if (record)
            {
                scratch.Record(participantIndex, line, amount);
            }
        }

        return taken;
    }
}
