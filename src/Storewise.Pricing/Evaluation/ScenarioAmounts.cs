namespace Storewise.Pricing;

/// <summary>
/// What is left to discount in the scenario being applied: each line's remaining amount and units already in
/// bundle sets, and the remaining shipping cost. Owned by <see cref="ScenarioSelection"/>, changed only by the
/// offer being applied.
/// </summary>
internal sealed class ScenarioAmounts
{
    private long[] remaining = new long[16];
    private int[] bundledUnits = new int[16];
    private long shippingRemaining;
    private int count;

    public Span<long> Remaining => remaining.AsSpan(0, count);

    /// <summary>Units of each line already used by a bundle set (docs/pricing-rules.md A21).</summary>
    public Span<int> BundledUnits => bundledUnits.AsSpan(0, count);

    public bool HasShipping { get; private set; }

    public ref long ShippingRemaining => ref shippingRemaining;

    /// <summary>Puts every line and the shipping cost back to their undiscounted state, for a new scenario.</summary>
    public void Reset(CartLineTable lines)
    {
        count = lines.Count;
        ArrayCapacity.Reserve(ref remaining, count);
        ArrayCapacity.Reserve(ref bundledUnits, count);
        lines.CatalogAmounts.CopyTo(remaining);
        Array.Clear(bundledUnits, 0, count);
        HasShipping = lines.HasShipping;
        shippingRemaining = lines.Shipping;
    }
}
