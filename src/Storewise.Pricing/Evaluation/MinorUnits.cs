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

    private static readonly long[] Powers = [1, 10, 100, 1000, 10000, 100000, 1000000];

    // The largest integer of a decimal that, scaled up by Powers[k], stays within MaxCartMinorUnits.
    private static readonly ulong[] MaxMagnitudes = [.. Powers.Select(power => (ulong)(MaxCartMinorUnits / power))];

    // MaxCartMinorUnits in whole currency units for each exponent: the largest amount that still fits the engine.
    private static readonly decimal[] Limits = [.. Scales.Select(scale => MaxCartMinorUnits / scale)];

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

        return limit >= Limits[exponent]
            ? MaxCartMinorUnits
            : (long)decimal.Floor(limit * Scales[exponent]);
    }

    /// <summary>Rounds an amount to the minor unit half away from zero (docs/pricing-rules.md A28); false when it does not fit the engine's range.</summary>
    public static bool TryToMinor(decimal amount, int exponent, out long minor)
    {
        minor = 0;

        // Most prices carry no more decimals than the currency (12.34 in EUR): then the minor units are the
        // decimal's own integer scaled up, and no decimal comparison, multiply or rounding is needed.
        var scale = amount.Scale;
        if (scale <= exponent)
        {
            var parts = default(DecimalBits);
            Span<int> bits = parts;
            decimal.GetBits(amount, bits);
            var magnitude = ((long)(uint)bits[1] << 32) | (uint)bits[0];
            var up = exponent - scale;
            if (bits[2] != 0 || (ulong)magnitude > MaxMagnitudes[up])
            {
                return false;
            }

            var scaled = magnitude * Powers[up];
            minor = bits[3] < 0 ? -scaled : scaled;
            return true;
        }

        var limit = Limits[exponent];
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
