namespace Storewise.Pricing;

/// <summary>
/// Splits a whole number of minor units over weighted lines so the shares sum exactly to it (A07, Hamilton):
/// every line gets the floor of its exact quota, and the leftover units go one by one to the largest fractional
/// remainders; ties go to the larger weight, then the smaller line id, ordinal (A08, A55).
/// </summary>
internal static class LargestRemainder
{
    /// <summary>
    /// Splits <paramref name="total"/> over <paramref name="count"/> entries of <paramref name="scratch"/>'s
    /// <see cref="EvaluationScratch.TempWeights"/> (entry j belongs to line TempLines[j]) into TempShares.
    /// <paramref name="total"/> must not exceed the value the weights stand for, so no share exceeds its line.
    /// </summary>
    public static void Allocate(EvaluationScratch scratch, int count, long total)
    {
        var weights = scratch.TempWeights;
        var shares = scratch.TempShares;
        var remainders = scratch.TempRemainders;
        Int128 weightSum = 0;
        Int128 maxWeight = 0;
        for (var j = 0; j < count; j++)
        {
            weightSum += weights[j];
            if (weights[j] > maxWeight)
            {
                maxWeight = weights[j];
            }
        }

        if (weightSum <= 0 || total <= 0)
        {
            Array.Clear(shares, 0, count);
            return;
        }

        long assigned = 0;
        if (weightSum <= long.MaxValue && total <= long.MaxValue / (long)maxWeight)
        {
            // Common case: every product fits in 64 bits, which is much cheaper than 128-bit division.
            var sum = (long)weightSum;
            for (var j = 0; j < count; j++)
            {
                var exact = total * (long)weights[j];
                var share = exact / sum;
                shares[j] = share;
                remainders[j] = exact - (share * sum);
                assigned += share;
            }
        }
        else
        {
            for (var j = 0; j < count; j++)
            {
                var exact = total * weights[j];
                var share = (long)(exact / weightSum);
                shares[j] = share;
                remainders[j] = exact - (share * weightSum);
                assigned += share;
            }
        }

        var leftover = total - assigned;
        if (leftover <= 0)
        {
            return;
        }

        // The remainders share the denominator weightSum, so comparing numerators compares the fractions.
        var order = scratch.TempOrder.AsSpan(0, count);
        for (var j = 0; j < count; j++)
        {
            order[j] = j;
        }

        // Only which entries are among the first `leftover` matters, not their order.
        IndexSort.SelectSmallest(order, (int)leftover, new RemainderOrder(remainders, weights, scratch.TempLines, scratch.LineIds));
        for (var k = 0; k < leftover && k < count; k++)
        {
            shares[order[k]]++;
        }
    }

    private readonly struct RemainderOrder(Int128[] remainders, Int128[] weights, int[] lines, string[] lineIds) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            var byRemainder = remainders[y].CompareTo(remainders[x]);
            if (byRemainder != 0)
            {
                return byRemainder;
            }

            var byWeight = weights[y].CompareTo(weights[x]);
            if (byWeight != 0)
            {
                return byWeight;
            }

            var byId = string.CompareOrdinal(lineIds[lines[x]], lineIds[lines[y]]);
            return byId != 0 ? byId : lines[x].CompareTo(lines[y]);
        }
    }
}
