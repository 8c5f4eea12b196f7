namespace Storewise.Pricing;

/// <summary>
/// Orders lines by the remaining value of one unit, the line average (docs/pricing-rules.md A11, A16), cheapest first; ties go to the
/// smaller line id, ordinal (docs/pricing-rules.md A18, A23, A55). Zero-valued units come first (docs/pricing-rules.md A16).
/// </summary>
internal readonly ref struct CheapestUnitOrder(ReadOnlySpan<long> remaining, ReadOnlySpan<int> quantity, ReadOnlySpan<string> lineIds) : IComparer<int>
{
    private readonly ReadOnlySpan<long> remaining = remaining;
    private readonly ReadOnlySpan<int> quantity = quantity;
    private readonly ReadOnlySpan<string> lineIds = lineIds;

    public int Compare(int x, int y)
    {
        // remaining[x] / quantity[x] vs remaining[y] / quantity[y], compared exactly by cross-multiplying.
        var left = (Int128)remaining[x] * quantity[y];
        var right = (Int128)remaining[y] * quantity[x];
        var byValue = left.CompareTo(right);
        if (byValue != 0)
        {
            return byValue;
        }

        var byId = string.CompareOrdinal(lineIds[x], lineIds[y]);
        return byId != 0 ? byId : x.CompareTo(y);
    }
}
