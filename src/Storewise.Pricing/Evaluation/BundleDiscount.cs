namespace Storewise.Pricing;

/// <summary>
/// BundlePercentage and BundleFixed. Every complete set triggers one application (4.3); a unit joins at most
/// one set (A21); the sets are formed from the cheapest units by remaining value, then smaller line id, with lines
/// of one product pooled (A23).
/// </summary>
internal static class BundleDiscount
{
    // Above this common denominator, weights of partly used lines are approximated (never seen with real quantities).
    private const long MaxExactDenominator = 1_000_000;

    public static long Apply(EvaluationScratch scratch, int participantIndex, bool record)
    {
        ref readonly var participant = ref scratch.Participants[participantIndex];
        var requirements = participant.Offer.BundleRequirements;
        if (requirements.Length == 0 || participant.LineCount == 0)
        {
            return 0;
        }

        var sets = CountSets(scratch, participant, requirements);
        if (sets == 0)
        {
            return 0;
        }

        var picked = PickUnits(scratch, participant, requirements, sets);
        long taken = participant.Offer.IsPercent
            ? TakePercent(scratch, participant.Offer.Rate, picked)
            : TakeFixed(scratch, participant.Amount, sets, picked);

        for (var j = 0; j < picked; j++)
        {
            var line = scratch.TempLines[j];
            scratch.BundledUnits[line] += scratch.TempUnits[j];
            var amount = scratch.TempShares[j];
            if (amount > 0)
            {
                scratch.Remaining[line] -= amount;
                if (record)
                {
                    scratch.Record(participantIndex, line, amount);
                }
            }
        }

        return taken;
    }

    private static long CountSets(EvaluationScratch scratch, in Participant participant, BundleRequirement[] requirements)
    {
        var sets = long.MaxValue;
        foreach (var requirement in requirements)
        {
            long available = 0;
            for (var k = 0; k < participant.LineCount; k++)
            {
                var line = scratch.ParticipantLines[participant.LineStart + k];
                if (string.Equals(scratch.ProductIds[line], requirement.ProductId, StringComparison.Ordinal))
                {
                    available += scratch.Quantity[line] - scratch.BundledUnits[line];
                }
            }

            sets = Math.Min(sets, available / requirement.Quantity);
            if (sets == 0)
            {
                return 0;
            }
        }

        return sets;
    }

    /// <summary>Fills TempLines/TempUnits with the units that form the sets; returns how many lines take part.</summary>
    private static int PickUnits(EvaluationScratch scratch, in Participant participant, BundleRequirement[] requirements, long sets)
    {
        var picked = 0;
        var order = new CheapestUnitOrder(scratch.Remaining, scratch.Quantity, scratch.LineIds);
        foreach (var requirement in requirements)
        {
            var candidates = 0;
            for (var k = 0; k < participant.LineCount; k++)
            {
                var line = scratch.ParticipantLines[participant.LineStart + k];
                if (string.Equals(scratch.ProductIds[line], requirement.ProductId, StringComparison.Ordinal)
                    && scratch.Quantity[line] > scratch.BundledUnits[line])
                {
                    scratch.TempOrder[candidates++] = line;
                }
            }

            var lines = scratch.TempOrder.AsSpan(0, candidates);
            IndexSort.Sort(lines, order);
            var needed = sets * requirement.Quantity;
            for (var k = 0; k < lines.Length && needed > 0; k++)
            {
                var line = lines[k];
                var units = (int)Math.Min(scratch.Quantity[line] - scratch.BundledUnits[line], needed);
                needed -= units;
                scratch.TempLines[picked] = line;
                scratch.TempUnits[picked] = units;
                picked++;
            }
        }

        return picked;
    }

    // A22: a percentage rounds once per line, on the value of that line's units in sets.
    private static long TakePercent(EvaluationScratch scratch, PercentRate rate, int picked)
    {
        long taken = 0;
        for (var j = 0; j < picked; j++)
        {
            var line = scratch.TempLines[j];
            var amount = rate.OfPart(scratch.Remaining[line], scratch.TempUnits[j], scratch.Quantity[line]);
            scratch.TempShares[j] = amount;
            taken += amount;
        }

        return taken;
    }

    // A20: amount × sets, capped at the value of the units in sets rounded down, spread by largest remainder
    // weighted by each line's value in sets. Values of partly used lines are fractions (A11), so the weights are
    // scaled by a common denominator to stay exact.
    private static long TakeFixed(EvaluationScratch scratch, long amount, long sets, int picked)
    {
        long denominator = 1;
        for (var j = 0; j < picked && denominator <= MaxExactDenominator; j++)
        {
            var line = scratch.TempLines[j];
            long quantity = scratch.Quantity[line];
            var fraction = (long)((Int128)scratch.Remaining[line] * scratch.TempUnits[j] % quantity);
            var reduced = quantity / Gcd(fraction, quantity);
            denominator = denominator / Gcd(denominator, reduced) * reduced;
        }

        if (denominator > MaxExactDenominator)
        {
            denominator = MaxExactDenominator;
        }

        Int128 weightSum = 0;
        for (var j = 0; j < picked; j++)
        {
            var line = scratch.TempLines[j];
            var weight = (Int128)scratch.Remaining[line] * scratch.TempUnits[j] * denominator / scratch.Quantity[line];
            scratch.TempWeights[j] = weight;
            weightSum += weight;
        }

        var cap = (long)(weightSum / denominator);
        var total = (Int128)amount * sets;
        var discount = total > cap ? cap : (long)total;
        LargestRemainder.Allocate(scratch, picked, discount);
        return discount;
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a == 0 ? 1 : a;
    }
}
