namespace Storewise.Pricing;

/// <summary>
/// Money inside the engine is a whole number of minor units (cents, yen, fils) in a <see cref="long"/>, so sums
/// and comparisons are exact and cheap; <see cref="decimal"/> appears only at the edges and for percentages.
/// </summary>
internal static class MinorUnits
{
    /// <summary>
    /// Largest cart total (items or shipping) the engine discounts, in minor units: 10^15 keeps every product
    /// used by the largest-remainder split inside <see cref="Int128"/>. Larger carts are priced without offers.
    /// </summary>
    public const long MaxCartMinorUnits = 1_000_000_000_000_000;

    private static readonly decimal[] Scales = [1m, 10m, 100m, 1000m, 10000m, 100000m, 1000000m];

    public static int ClampExponent(int exponent) => exponent < 0 ? 0 : exponent > 6 ? 6 : exponent;

    /// <summary>Minor units to a decimal carrying exactly <paramref name="exponent"/> decimals (500, 2 → 5.00).</summary>
    public static decimal ToDecimal(long minor, int exponent)
    {
        var negative = minor < 0;
        var magnitude = negative ? (ulong)(-minor) : (ulong)minor;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, negative, (byte)exponent);
    }

    /// <summary>
    /// A money limit in minor units, rounded down so that what it allows never exceeds it; 0 when it is not positive,
    /// <see cref="MaxCartMinorUnits"/> when it is larger than any cart.
    /// </summary>
    public static long FloorToMinor(decimal limit, int exponent)
    {
        if (limit <= 0)
        {
            return 0;
        }

        return limit >= MaxCartMinorUnits / Scales[exponent]
            ? MaxCartMinorUnits
            : (long)decimal.Floor(limit * Scales[exponent]);
    }

    /// <summary>Rounds an amount to the minor unit half away from zero (docs/pricing-rules.md A28); false when it does not fit the engine's range.</summary>
    public static bool TryToMinor(decimal amount, int exponent, out long minor)
    {
        minor = 0;
        var limit = MaxCartMinorUnits / Scales[exponent];
        if (amount > limit || amount < -limit)
        {
            return false;
        }

        minor = (long)decimal.Round(amount * Scales[exponent], 0, MidpointRounding.AwayFromZero);
        return true;
    }

    /// <summary>Decimal fallback of <see cref="PercentRate"/>: percent of the share <paramref name="units"/>/<paramref name="quantity"/> of <paramref name="amount"/>, rounded once (docs/pricing-rules.md A11, A22).</summary>
    public static long PercentOfPart(long amount, long units, long quantity, decimal percent)
    {
        if (amount <= 0 || units <= 0 || quantity <= 0 || percent <= 0m)
        {
            return 0;
        }

        if (percent >= 100m && units >= quantity)
        {
            return amount;
        }

        // One division at the end keeps the quotient exact whenever it terminates, so midpoints round correctly.
        var exact = (decimal)amount * units * percent / (100m * quantity);
        var rounded = (long)decimal.Round(exact, 0, MidpointRounding.AwayFromZero);
        return rounded > amount ? amount : rounded;
    }

    /// <summary>The value of <paramref name="units"/> of a line's <paramref name="quantity"/> at the line average (docs/pricing-rules.md A11), rounded half away from zero.</summary>
    public static long ValueOfPart(long amount, long units, long quantity)
    {
        if (units >= quantity)
        {
            return amount;
        }

        var exact = (Int128)amount * units;
        var whole = exact / quantity;
        var remainder = exact % quantity;
        return (long)(remainder * 2 >= quantity ? whole + 1 : whole);
    }

    /// <summary><paramref name="count"/> × <paramref name="amount"/>, capped at <paramref name="cap"/> without overflowing.</summary>
    public static long TimesCapped(long amount, long count, long cap)
    {
        var product = (Int128)amount * count;
        return product > cap ? cap : (long)product;
    }
}
