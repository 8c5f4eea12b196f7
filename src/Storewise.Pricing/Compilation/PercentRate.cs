namespace Storewise.Pricing;

/// <summary>
/// A configured percentage as an exact fraction numerator / denominator (12.5 → 125 / 1000), so percentages of
/// minor-unit amounts are computed in integers, which is far cheaper than decimal division. Percentages with more
/// than six decimals fall back to decimal arithmetic.
/// </summary>
internal readonly struct PercentRate
{
    private const int MaxDecimals = 6;

    private readonly long numerator;
    private readonly long denominator;
    private readonly decimal percent;
    private readonly bool exact;

    // Decided once here rather than by decimal comparisons and a division on every line discounted; false and 0 in
    // a default rate, which takes nothing, as a percentage of 0 does.
    private readonly bool positive;
    private readonly bool full;
    private readonly long maxExactAmount;

    public PercentRate(decimal percent)
    {
        this.percent = percent;
        positive = percent > 0m;
        full = percent >= 100m;
        numerator = 0;
        denominator = 100;
        exact = false;
        maxExactAmount = 0;
        if (percent <= 0m || percent > 100m)
        {
            return;
        }

        var scaled = percent;
        long scale = 1;
        for (var decimals = 0; decimals <= MaxDecimals; decimals++)
        {
            if (scaled == decimal.Truncate(scaled))
            {
                numerator = (long)scaled;
                denominator = 100 * scale;
                exact = true;
                maxExactAmount = long.MaxValue / numerator;
                return;
            }

            scaled *= 10m;
            scale *= 10;
        }
    }

    /// <summary>The percentage of <paramref name="amount"/>, rounded once half away from zero, within [0, amount] (docs/pricing-rules.md A06, A10).</summary>
    public long Of(long amount)
    {
        if (amount <= 0 || !positive)
        {
            return 0;
        }

        if (full)
        {
            return amount;
        }

        if (!exact)
        {
            return MinorUnits.PercentOfPart(amount, 1, 1, percent);
        }

        if (amount <= maxExactAmount)
        {
            return RoundedQuotient(amount * numerator, denominator);
        }

        return (long)RoundedQuotient((Int128)amount * numerator, denominator);
    }

    /// <summary>The percentage of <paramref name="units"/> out of <paramref name="quantity"/> units worth <paramref name="amount"/> (docs/pricing-rules.md A11, A22).</summary>
    public long OfPart(long amount, long units, long quantity)
    {
        if (units >= quantity)
        {
            return Of(amount);
        }

        if (amount <= 0 || units <= 0 || !positive)
        {
            return 0;
        }

        if (!exact)
        {
            return MinorUnits.PercentOfPart(amount, units, quantity, percent);
        }

        var result = (long)RoundedQuotient((Int128)amount * units * numerator, (Int128)denominator * quantity);
        return result > amount ? amount : result;
    }

    private static long RoundedQuotient(long dividend, long divisor)
    {
        var quotient = dividend / divisor;
        var remainder = dividend - (quotient * divisor);
        return remainder * 2 >= divisor ? quotient + 1 : quotient;
    }

    private static Int128 RoundedQuotient(Int128 dividend, Int128 divisor)
    {
        var quotient = dividend / divisor;
        var remainder = dividend - (quotient * divisor);
        return remainder * 2 >= divisor ? quotient + 1 : quotient;
    }
}
