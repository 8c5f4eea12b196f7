namespace Storewise.Pricing;

/// <summary>
/// Orders lines by the remaining value of one unit, most expensive first (<c>getOrder: "mostExpensive"</c>,
/// docs/pricing-semantics.md, "Buy from one set, get from another"); ties still go to the smaller line id, as in
/// <see cref="CheapestUnitOrder"/> (docs/pricing-rules.md A18).
/// </summary>
internal readonly ref struct MostExpensiveUnitOrder(ReadOnlySpan<long> remaining, ReadOnlySpan<int> quantity, ReadOnlySpan<string> lineIds) : IComparer<int>
{
    private readonly CheapestUnitOrder cheapest = new(remaining, quantity, lineIds);

    public int Compare(int x, int y)
    {
        var byValue = cheapest.CompareUnitValues(y, x);
        return byValue != 0 ? byValue : cheapest.CompareLineIds(x, y);
    }
}
