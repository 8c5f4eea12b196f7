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
    private long[] narrowWeights = new long[16];
    private long[] narrowRemainders = new long[16];
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
        ArrayCapacity.Reserve(ref narrowWeights, capacity);
        ArrayCapacity.Reserve(ref narrowRemainders, capacity);
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

        if (weightSum <= long.MaxValue && total <= long.MaxValue / (long)maxWeight)
        {
            // Common case: every product fits in 64 bits, and 64-bit division and comparisons are several times
            // cheaper than their 128-bit forms.
            var sum = (long)weightSum;
            var narrow = narrowWeights.AsSpan(0, count);
            var rest = narrowRemainders.AsSpan(0, count);
            long given = 0;
            for (var j = 0; j < narrow.Length; j++)
            {
                var weight = (long)weights[j];
                narrow[j] = weight;
                var exact = total * weight;
                var share = exact / sum;
                shares[j] = share;
                rest[j] = exact - (share * sum);
                given += share;
            }

            GiveLeftover(total - given, new RemainderOrder<long>(rest, narrow, lines, lineIds));
            return;
        }

        long assigned = 0;
        for (var j = 0; j < count; j++)
        {
            var exact = total * weights[j];
            var share = (long)(exact / weightSum);
            shares[j] = share;
            remainders[j] = exact - (share * weightSum);
            assigned += share;
        }

        GiveLeftover(total - assigned, new RemainderOrder<Int128>(remainders, weights, lines, lineIds));
    }

    /// <summary>One unit each to the <paramref name="leftover"/> entries that come first by <paramref name="ranking"/>.</summary>
    private void GiveLeftover<TOrder>(long leftover, TOrder ranking)
        where TOrder : struct, IComparer<int>, allows ref struct
    {
        if (leftover <= 0)
        {
            return;
        }

        // The remainders share one denominator, so comparing numerators compares the fractions.
        var entries = order.AsSpan(0, count);
        for (var j = 0; j < count; j++)
        {
            entries[j] = j;
        }

        // Only which entries are among the first `leftover` matters, not their order.
        IndexSort.SelectSmallest(entries, (int)leftover, ranking);
        for (var k = 0; k < leftover && k < count; k++)
        {
            shares[entries[k]]++;
        }
    }

    // Generic over the width so the 64-bit and 128-bit splits share one tie-break rule (docs/pricing-rules.md A08).
    private readonly ref struct RemainderOrder<T>(ReadOnlySpan<T> remainders, ReadOnlySpan<T> weights, ReadOnlySpan<int> lines, ReadOnlySpan<string> lineIds) : IComparer<int>
        where T : IComparable<T>
    {
        private readonly ReadOnlySpan<T> remainders = remainders;
        private readonly ReadOnlySpan<T> weights = weights;
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
