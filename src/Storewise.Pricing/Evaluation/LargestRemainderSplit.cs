namespace Storewise.Pricing;

/// <summary>
/// Splits a whole number of minor units over weighted lines so the shares sum exactly to it (docs/pricing-rules.md A07, Hamilton):
/// every line gets the floor of its exact quota, and the leftover units go one by one to the largest fractional
/// remainders; ties go to the larger weight, then the smaller line id, ordinal (docs/pricing-rules.md A08, A55).
/// One instance is reused for every split of an evaluation: <see cref="Begin"/>, <see cref="Add"/> each weighted
/// line, <see cref="Allocate"/>, then read <see cref="Shares"/>.
/// </summary>
internal sealed class LargestRemainderSplit
{
    private int[] lines = new int[16];
    private Int128[] weights = new Int128[16];
    private long[] shares = new long[16];
    private Int128[] remainders = new Int128[16];
    private int[] order = new int[16];
    private int count;

    /// <summary>The line of each entry, in the order they were added.</summary>
    public ReadOnlySpan<int> Lines => lines.AsSpan(0, count);

    /// <summary>The share of each entry after <see cref="Allocate"/>.</summary>
    public ReadOnlySpan<long> Shares => shares.AsSpan(0, count);

    /// <summary>Starts a split of at most <paramref name="capacity"/> entries.</summary>
    public void Begin(int capacity)
    {
        count = 0;
        ArrayCapacity.Reserve(ref lines, capacity);
        ArrayCapacity.Reserve(ref weights, capacity);
        ArrayCapacity.Reserve(ref shares, capacity);
        ArrayCapacity.Reserve(ref remainders, capacity);
        ArrayCapacity.Reserve(ref order, capacity);
    }

    public void Add(int line, Int128 weight)
    {
        lines[count] = line;
        weights[count] = weight;
        count++;
    }

    /// <summary>
    /// Splits <paramref name="total"/> over the entries by weight. <paramref name="total"/> must not exceed the
    /// value the weights stand for, so no share exceeds its line. <paramref name="lineIds"/> break ties.
    /// </summary>
    public void Allocate(long total, ReadOnlySpan<string> lineIds)
    {
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
        var entries = order.AsSpan(0, count);
        for (var j = 0; j < count; j++)
        {
            entries[j] = j;
        }

        // Only which entries are among the first `leftover` matters, not their order.
        IndexSort.SelectSmallest(entries, (int)leftover, new RemainderOrder(remainders, weights, lines, lineIds));
        for (var k = 0; k < leftover && k < count; k++)
        {
            shares[entries[k]]++;
        }
    }

    private readonly ref struct RemainderOrder(ReadOnlySpan<Int128> remainders, ReadOnlySpan<Int128> weights, ReadOnlySpan<int> lines, ReadOnlySpan<string> lineIds) : IComparer<int>
    {
        private readonly ReadOnlySpan<Int128> remainders = remainders;
        private readonly ReadOnlySpan<Int128> weights = weights;
        private readonly ReadOnlySpan<int> lines = lines;
        private readonly ReadOnlySpan<string> lineIds = lineIds;

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
