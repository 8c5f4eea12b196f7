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
        var byValue = CompareUnitValues(x, y);
        return byValue != 0 ? byValue : CompareLineIds(x, y);
    }

    /// <summary>remaining[x] / quantity[x] vs remaining[y] / quantity[y], compared exactly by cross-multiplying.</summary>
    public int CompareUnitValues(int x, int y)
    {
        var left = (Int128)remaining[x] * quantity[y];
        var right = (Int128)remaining[y] * quantity[x];
        return left.CompareTo(right);
    }

    public int CompareLineIds(int x, int y)
    {
        var byId = string.CompareOrdinal(lineIds[x], lineIds[y]);
        return byId != 0 ? byId : x.CompareTo(y);
    }
}
