using FsCheck;
using FsCheck.Fluent;

namespace Storewise.Pricing.Tests.Properties;

/// <summary>
/// The largest-remainder split against a reference written the plain way (docs/pricing-rules.md A07, A08): exact
/// 128-bit floors, then one unit each to the first entries by remainder, weight, line id and line. The weights and
/// totals reach every path of the split: quotients estimated through the reciprocal, 64-bit divisions, and
/// 128-bit products; many weights and ids repeat, so ties are common.
/// </summary>
public sealed class SplitProperties
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(2000);

    private static readonly string[] Ids = ["a", "b", "c", "line-01", "line-02", "line-10"];

    [Fact]
    public void Shares_match_the_reference_largest_remainder() =>
        Check.One(Runs, Prop.ForAll(Cases().ToArbitrary(), split =>
        {
            var (weights, ids, totalFraction, wide) = split;
            Int128 sum = 0;
            foreach (var weight in weights)
            {
                sum += weight;
            }

            // The split's contract: the total does not exceed what the weights stand for.
            var total = (long)Int128.Min(sum * totalFraction / 1000, MinorUnits.MaxCartMinorUnits);
            var lines = Enumerable.Range(0, weights.Length).ToArray();

            var actual = new LargestRemainderSplit();
            actual.Begin(weights.Length);
            for (var j = 0; j < weights.Length; j++)
            {
                if (wide)
                {
                    actual.Add(lines[j], (Int128)weights[j]);
                }
                else
                {
                    actual.Add(lines[j], weights[j]);
                }
            }

            actual.Allocate(total, ids);
            Assert.Equal(Reference(weights, ids, total), actual.Shares.ToArray());
        }));

    private static long[] Reference(long[] weights, string[] ids, long total)
    {
        Int128 sum = 0;
        foreach (var weight in weights)
        {
            sum += weight;
        }

        var shares = new long[weights.Length];
        if (sum <= 0 || total <= 0)
        {
            return shares;
        }

        var remainders = new Int128[weights.Length];
        long given = 0;
        for (var j = 0; j < weights.Length; j++)
        {
            var exact = (Int128)total * weights[j];
            shares[j] = (long)(exact / sum);
            remainders[j] = exact % sum;
            given += shares[j];
        }

        var winners = Enumerable.Range(0, weights.Length)
            .OrderByDescending(j => remainders[j])
            .ThenByDescending(j => weights[j])
            .ThenBy(j => ids[j], StringComparer.Ordinal)
            .ThenBy(j => j)
            .Take((int)(total - given));
        foreach (var j in winners)
        {
            shares[j]++;
        }

        return shares;
    }

    // Weights from a few scales, so some splits have tiny, some huge products; totals from a share of the sum.
    private static Gen<(long[] Weights, string[] Ids, long TotalFraction, bool Wide)> Cases() =>
        from count in Gen.Frequency((3, Gen.Choose(1, 16)), (3, Gen.Choose(17, 80)), (1, Gen.Choose(81, 300)))
        from scale in Gen.Elements(1L, 1_000L, 1_000_000L, 1_000_000_000L, 1_000_000_000_000L, MinorUnits.MaxCartMinorUnits / 300)
        from weights in Gen.ArrayOf(Gen.Frequency(
            (2, Gen.Elements(0L, 1L, 100L, 500L)),
            (3, Gen.Choose(0, 1_000_000).Select(w => w * scale / 1_000_000)),
            (1, Gen.Constant(scale))), count)
        from ids in Gen.ArrayOf(Gen.Elements(Ids), count)
        from totalFraction in Gen.Frequency((3, Gen.Choose(0, 1000).Select(f => (long)f)), (1, Gen.Constant(1000L)))
        from wide in Gen.Elements(false, true)
        select (weights, ids, totalFraction, wide);
}
