using System.Numerics;

namespace Storewise.Pricing;

/// <summary>
/// Splits a whole number of minor units over weighted lines so the shares sum exactly to it (docs/pricing-rules.md A07, Hamilton):
/// every line gets the floor of its exact quota, and the leftover units go one by one to the largest fractional
/// remainders; ties go to the larger weight, then the smaller line id, ordinal (docs/pricing-rules.md A08, A55).
/// One instance is reused for every split of an evaluation: <see cref="Begin"/>, <c>Add</c> each weighted
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
    private int[] buckets = new int[16];
    private int[] bucketSizes = new int[16];
    private int count;

    // Of the weights added so far (the largest at least 0), kept as they are added.
    private Int128 weightSum;
    private Int128 maxWeight;

    // The largest of the 64-bit weights, and whether every weight so far was one (then only narrowWeights holds them).
    private long narrowMax;
    private bool narrowOnly;

    /// <summary>The line of each entry, in the order they were added.</summary>
    public ReadOnlySpan<int> Lines => lines.AsSpan(0, count);

    /// <summary>The share of each entry after <see cref="Allocate"/>.</summary>
    public ReadOnlySpan<long> Shares => shares.AsSpan(0, count);

    /// <summary>Starts a split of at most <paramref name="capacity"/> entries.</summary>
    public void Begin(int capacity)
    {
        count = 0;
        weightSum = 0;
        maxWeight = 0;
        narrowMax = 0;
        narrowOnly = true;
        ArrayCapacity.Reserve(ref lines, capacity);
        ArrayCapacity.Reserve(ref weights, capacity);
        ArrayCapacity.Reserve(ref shares, capacity);
        ArrayCapacity.Reserve(ref remainders, capacity);
        ArrayCapacity.Reserve(ref narrowWeights, capacity);
        ArrayCapacity.Reserve(ref narrowRemainders, capacity);
        ArrayCapacity.Reserve(ref order, capacity);
        ArrayCapacity.Reserve(ref buckets, capacity);
        ArrayCapacity.Reserve(ref bucketSizes, capacity);
    }

    public void Add(int line, Int128 weight)
    {
        if (narrowOnly)
        {
            for (var j = 0; j < count; j++)
            {
                weights[j] = narrowWeights[j];
            }

            narrowOnly = false;
        }

        lines[count] = line;
        weights[count] = weight;
        narrowWeights[count] = (long)weight;
        count++;
        weightSum += weight;
        if (weight > maxWeight)
        {
            maxWeight = weight;
        }
    }

    /// <summary>Adds an entry whose weight is a money amount: kept in 64 bits until a 128-bit split needs it.</summary>
    public void Add(int line, long weight)
    {
        lines[count] = line;
        narrowWeights[count] = weight;
        if (!narrowOnly)
        {
            weights[count] = weight;
        }

        count++;
        weightSum += weight;
        if (weight > narrowMax)
        {
            narrowMax = weight;
        }
    }

    /// <summary>
    /// Splits <paramref name="total"/> over the entries by weight. <paramref name="total"/> must not exceed the
    /// value the weights stand for, so no share exceeds its line. <paramref name="lineIds"/> break ties.
    /// </summary>
    public void Allocate(long total, ReadOnlySpan<string> lineIds)
    {
        if (weightSum <= 0 || total <= 0)
        {
            Array.Clear(shares, 0, count);
            return;
        }

        if (narrowMax > maxWeight)
        {
            maxWeight = narrowMax;
        }

        if (weightSum <= long.MaxValue && total <= long.MaxValue / (long)maxWeight)
        {
            // Common case: every product fits in 64 bits, and 64-bit division and comparisons are several times
            // cheaper than their 128-bit forms.
            var sum = (long)weightSum;
            var narrow = narrowWeights.AsSpan(0, count);
            var rest = narrowRemainders.AsSpan(0, count);
            var given = total <= MaxEstimatedQuotient / (long)maxWeight
                ? SplitByEstimate(total, sum, narrow, rest)
                : SplitByDivision(total, sum, narrow, rest);
            GiveLeftover(total - given, rest, sum, new RemainderOrder<long>(rest, narrow, lines, lineIds));
            return;
        }

        if (narrowOnly)
        {
            for (var j = 0; j < count; j++)
            {
                weights[j] = narrowWeights[j];
            }
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

        GiveLeftover(total - assigned, remainders.AsSpan(0, count), weightSum, new RemainderOrder<Int128>(remainders, weights, lines, lineIds));
    }

    // Below 2^50 a quotient computed in double is within one of the exact floor, which one correction step
    // restores; the loops below keep the result exact whatever the estimate.
    private const long MaxEstimatedQuotient = 1L << 50;

    /// <summary>
    /// Floors of total × weight / sum and their remainders, the quotient estimated by a multiply with the reciprocal
    /// and then corrected in integers: a 64-bit division per line cost more than the rest of the split.
    /// </summary>
    private long SplitByEstimate(long total, long sum, ReadOnlySpan<long> narrow, Span<long> rest)
    {
        var reciprocal = 1.0 / sum;
        long given = 0;
        for (var j = 0; j < narrow.Length; j++)
        {
            var exact = total * narrow[j];
            var share = (long)(exact * reciprocal);
            var remainder = exact - (share * sum);
            while (remainder < 0)
            {
                share--;
                remainder += sum;
            }

            while (remainder >= sum)
            {
                share++;
                remainder -= sum;
            }

            shares[j] = share;
            rest[j] = remainder;
            given += share;
        }

        return given;
    }

    private long SplitByDivision(long total, long sum, ReadOnlySpan<long> narrow, Span<long> rest)
    {
        long given = 0;
        for (var j = 0; j < narrow.Length; j++)
        {
            var exact = total * narrow[j];
            var share = exact / sum;
            shares[j] = share;
            rest[j] = exact - (share * sum);
            given += share;
        }

        return given;
    }

    /// <summary>One unit each to the <paramref name="leftover"/> entries that come first by <paramref name="ranking"/>.</summary>
    /// <remarks>
    /// <paramref name="ranking"/> orders by remainder first, and the remainders share the denominator <paramref name="sum"/>
    /// (comparing numerators compares the fractions). Each remainder goes to one of <c>count</c> buckets by its
    /// fraction, computed in double: rounding is monotonic, so a higher bucket never holds a smaller remainder, and
    /// every entry above the bucket where the first <paramref name="leftover"/> end is among them. Only that one
    /// bucket, about one entry on average, is ranked exactly; a selection over all the entries with the ranking
    /// cost most of the split.
    /// </remarks>
    private void GiveLeftover<T, TOrder>(long leftover, ReadOnlySpan<T> rest, T sum, TOrder ranking)
        where T : INumberBase<T>
        where TOrder : struct, IComparer<int>, allows ref struct
    {
        if (leftover <= 0)
        {
            return;
        }

        if (leftover >= count)
        {
            // Cannot happen with remainders below the denominator; kept so a split never gives more than one unit each.
            for (var j = 0; j < count; j++)
            {
                shares[j]++;
            }

            return;
        }

        var bucketOf = buckets.AsSpan(0, count);
        var sizes = bucketSizes.AsSpan(0, count);
        sizes.Clear();
        var perUnit = count / double.CreateTruncating(sum);
        var last = count - 1;
        for (var j = 0; j < bucketOf.Length; j++)
        {
            var bucket = (int)(double.CreateTruncating(rest[j]) * perUnit);
            bucket = bucket < 0 ? 0 : bucket > last ? last : bucket;
            bucketOf[j] = bucket;
            sizes[bucket]++;
        }

        // The bucket in which the first `leftover` entries end, and how many of it they take.
        var wanted = (int)leftover;
        var boundary = last;
        while (sizes[boundary] < wanted)
        {
            wanted -= sizes[boundary];
            boundary--;
        }

        var tied = order.AsSpan(0, sizes[boundary]);
        var t = 0;
        for (var j = 0; j < bucketOf.Length; j++)
        {
            if (bucketOf[j] > boundary)
            {
                shares[j]++;
            }
            else if (bucketOf[j] == boundary)
            {
                tied[t++] = j;
            }
        }

        if (wanted < tied.Length)
        {
            // Only which entries are among the first `wanted` matters, not their order.
            IndexSort.SelectSmallest(tied, wanted, ranking);
        }

        for (var k = 0; k < wanted; k++)
        {
            shares[tied[k]]++;
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
