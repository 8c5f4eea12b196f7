namespace Storewise.Pricing;

/// <summary>
/// BundlePercentage and BundleFixed. Every complete set triggers one application (docs/spec.md §4.3); a unit joins at most
/// one set (docs/pricing-rules.md A21); the sets are formed from the cheapest units by remaining value, then smaller line id, with lines
/// of one product pooled (docs/pricing-rules.md A23).
/// </summary>
internal sealed class BundleDiscount
{
    // Above this common denominator, weights of partly used lines are approximated (never seen with real quantities).
    private const long MaxExactDenominator = 1_000_000;

    // The lines of one required product, cheapest unit first.
    private int[] productLines = new int[16];

    // The units picked for the sets: line, units of it, and the money taken from it. A line holds one product, so
    // it is picked at most once.
    private int[] pickedLines = new int[16];
    private int[] pickedUnits = new int[16];
    private long[] pickedAmounts = new long[16];

    // The targeted lines no stopFurther offer has stopped (docs/pricing-semantics.md, "Stop further").
    private int[] usableLines = new int[16];

    public long Apply(in Participant participant, ReadOnlySpan<int> targeted, CartLineTable lines, ScenarioAmounts amounts, LargestRemainderSplit split, EntryRecorder recorder)
    {
        var requirements = participant.Offer.BundleRequirements;
        if (requirements.Length == 0 || targeted.Length == 0)
        {
            return 0;
        }

        if (amounts.AnyStopped)
        {
            targeted = WithoutStopped(targeted, amounts.Stopped);
        }

        var bundledUnits = amounts.BundledUnits;
        var sets = CountSets(targeted, lines, bundledUnits, requirements);
        if (sets == 0)
        {
            return 0;
        }

        ArrayCapacity.Reserve(ref productLines, targeted.Length);
        ArrayCapacity.Reserve(ref pickedLines, targeted.Length);
        ArrayCapacity.Reserve(ref pickedUnits, targeted.Length);
        ArrayCapacity.Reserve(ref pickedAmounts, targeted.Length);
        var remaining = amounts.Remaining;
        var picked = PickUnits(targeted, lines, remaining, bundledUnits, requirements, sets);
        long taken = participant.Offer.IsPercent
            ? TakePercent(participant.Offer.Rate, lines.Quantities, remaining, picked)
            : TakeFixed(participant.Amount, sets, lines, remaining, split, picked);

        for (var j = 0; j < picked; j++)
        {
            var line = pickedLines[j];
            bundledUnits[line] += pickedUnits[j];
            var amount = pickedAmounts[j];
            if (amount > 0)
            {
                remaining[line] -= amount;
                recorder.Record(line, amount);
            }
        }

        return taken;
    }

    private ReadOnlySpan<int> WithoutStopped(ReadOnlySpan<int> targeted, ReadOnlySpan<bool> stopped)
    {
        ArrayCapacity.Reserve(ref usableLines, targeted.Length);
        var count = 0;
        foreach (var line in targeted)
        {
            if (!stopped[line])
            {
                usableLines[count++] = line;
            }
        }

        return usableLines.AsSpan(0, count);
    }

    private static long CountSets(ReadOnlySpan<int> targeted, CartLineTable lines, ReadOnlySpan<int> bundledUnits, BundleRequirement[] requirements)
    {
        var productIds = lines.ProductIds;
        var quantities = lines.Quantities;
        var sets = long.MaxValue;
        foreach (var requirement in requirements)
        {
            long available = 0;
            foreach (var line in targeted)
            {
                if (string.Equals(productIds[line], requirement.ProductId, StringComparison.Ordinal))
                {
                    available += quantities[line] - bundledUnits[line];
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

    /// <summary>Fills the picked lines and units with the units that form the sets; returns how many lines take part.</summary>
    private int PickUnits(ReadOnlySpan<int> targeted, CartLineTable lines, ReadOnlySpan<long> remaining, ReadOnlySpan<int> bundledUnits, BundleRequirement[] requirements, long sets)
    {
        var productIds = lines.ProductIds;
        var quantities = lines.Quantities;
        var picked = 0;
        foreach (var requirement in requirements)
        {
            var candidates = 0;
            foreach (var line in targeted)
            {
                if (string.Equals(productIds[line], requirement.ProductId, StringComparison.Ordinal)
                    && quantities[line] > bundledUnits[line])
                {
                    productLines[candidates++] = line;
                }
            }

            var cheapestFirst = productLines.AsSpan(0, candidates);
            IndexSort.Sort(cheapestFirst, new CheapestUnitOrder(remaining, quantities, lines.LineIds));
            var needed = sets * requirement.Quantity;
            for (var k = 0; k < cheapestFirst.Length && needed > 0; k++)
            {
                var line = cheapestFirst[k];
                var units = (int)Math.Min(quantities[line] - bundledUnits[line], needed);
                needed -= units;
                pickedLines[picked] = line;
                pickedUnits[picked] = units;
                picked++;
            }
        }

        return picked;
    }

    // docs/pricing-rules.md A22: a percentage rounds once per line, on the value of that line's units in sets.
    private long TakePercent(PercentRate rate, ReadOnlySpan<int> quantities, ReadOnlySpan<long> remaining, int picked)
    {
        long taken = 0;
        for (var j = 0; j < picked; j++)
        {
            var line = pickedLines[j];
            var amount = rate.OfPart(remaining[line], pickedUnits[j], quantities[line]);
            pickedAmounts[j] = amount;
            taken += amount;
        }

        return taken;
    }

    // docs/pricing-rules.md A20: amount × sets, capped at the value of the units in sets rounded down, spread by largest remainder
    // weighted by each line's value in sets. Values of partly used lines are fractions (docs/pricing-rules.md A11), so the weights are
    // scaled by a common denominator to stay exact.
    private long TakeFixed(long amount, long sets, CartLineTable lines, ReadOnlySpan<long> remaining, LargestRemainderSplit split, int picked)
    {
        var quantities = lines.Quantities;
        long denominator = 1;
        for (var j = 0; j < picked && denominator <= MaxExactDenominator; j++)
        {
            var line = pickedLines[j];
            long quantity = quantities[line];
            var fraction = (long)((Int128)remaining[line] * pickedUnits[j] % quantity);
            var reduced = quantity / Gcd(fraction, quantity);
            denominator = denominator / Gcd(denominator, reduced) * reduced;
        }

        if (denominator > MaxExactDenominator)
        {
            denominator = MaxExactDenominator;
        }

        split.Begin(picked);
        Int128 weightSum = 0;
        for (var j = 0; j < picked; j++)
        {
            var line = pickedLines[j];
            var weight = (Int128)remaining[line] * pickedUnits[j] * denominator / quantities[line];
            split.Add(line, weight);
            weightSum += weight;
        }

        var cap = (long)(weightSum / denominator);
        var total = (Int128)amount * sets;
        var discount = total > cap ? cap : (long)total;
        split.Allocate(discount, lines.LineIds);
        split.Shares.CopyTo(pickedAmounts);
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
