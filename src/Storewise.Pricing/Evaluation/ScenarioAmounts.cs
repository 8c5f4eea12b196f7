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
    private bool[] stopped = new bool[16];
    private long shippingRemaining;
    private int count;

    public Span<long> Remaining => remaining.AsSpan(0, count);

    /// <summary>Units of each line already used by a bundle set (docs/pricing-rules.md A21).</summary>
    public Span<int> BundledUnits => bundledUnits.AsSpan(0, count);

    /// <summary>Lines a stopFurther offer discounted: no later offer takes from them (docs/pricing-semantics.md, "Stop further").</summary>
    public ReadOnlySpan<bool> Stopped => stopped.AsSpan(0, count);

    /// <summary>Whether any line is stopped, so the families that pick units skip the check otherwise.</summary>
    public bool AnyStopped { get; private set; }

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
        ArrayCapacity.Reserve(ref stopped, count);
        if (AnyStopped)
        {
            Array.Clear(stopped, 0, stopped.Length);
            AnyStopped = false;
        }
        HasShipping = lines.HasShipping;
        shippingRemaining = lines.Shipping;
    }

    /// <summary>Makes <paramref name="target"/> an exact copy of these amounts, so it can be changed while these stay.</summary>
    public void CopyTo(ScenarioAmounts target)
    {
        target.count = count;
        ArrayCapacity.Reserve(ref target.remaining, count);
        ArrayCapacity.Reserve(ref target.bundledUnits, count);
        ArrayCapacity.Reserve(ref target.stopped, count);
        Remaining.CopyTo(target.remaining);
        BundledUnits.CopyTo(target.bundledUnits);
        if (target.AnyStopped)
        {
            Array.Clear(target.stopped, 0, target.stopped.Length);
        }

        Stopped.CopyTo(target.stopped);
        target.AnyStopped = AnyStopped;
        target.HasShipping = HasShipping;
        target.shippingRemaining = shippingRemaining;
    }

    /// <summary>
    /// Stops the lines (and the shipping, line -1) of <paramref name="entries"/>: what is left of them is out of reach
    /// of every later offer of the scenario. The result is built from entries, so the amounts can simply be set to 0.
    /// </summary>
    public void Stop(ReadOnlySpan<AppliedEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Line < 0)
            {
                shippingRemaining = 0;
            }
            else
            {
                stopped[entry.Line] = true;
                remaining[entry.Line] = 0;
                AnyStopped = true;
            }
        }
    }
}
