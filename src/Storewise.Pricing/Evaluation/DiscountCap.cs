namespace Storewise.Pricing;

/// <summary>
/// Caps the discount of one offer application at a number of minor units (a remaining money budget today; any
/// per-offer maximum uses the same path). The offer is applied uncapped into <see cref="Uncapped"/>; when it took
/// more than the cap, the cap is spread over its entries by largest remainder in proportion to the uncapped
/// amounts (docs/pricing-rules.md A07), and what each entry gives up goes back to its line or the shipping cost,
/// so later offers see it (docs/pricing-semantics.md, "Limits and budgets").
/// </summary>
internal sealed class DiscountCap
{
    private readonly LargestRemainderSplit split = new();
    private string[] entryIds = new string[16];

    /// <summary>Where the uncapped application records its entries; cleared by <see cref="Begin"/>.</summary>
    public EntryLog Uncapped { get; } = new();

    public void Begin() => Uncapped.Clear();

    /// <summary>Records the capped entries in <paramref name="recorder"/> and returns the money taken.</summary>
    public long Apply(long cap, ReadOnlySpan<string> lineIds, ScenarioAmounts amounts, EntryRecorder recorder)
    {
        // Added gifts are worth no money: they pass through uncapped.
        foreach (var gift in Uncapped.Gifts)
        {
            recorder.RecordGift(gift.Line, (int)gift.Amount);
        }

        var entries = Uncapped.All;
        long uncapped = 0;
        foreach (var entry in entries)
        {
            uncapped += entry.Amount;
        }

        if (uncapped <= cap)
        {
            foreach (var entry in entries)
            {
                recorder.Record(entry.Line, entry.Amount);
            }

            return uncapped;
        }

        // Ties go to the entry of the smaller line id (docs/pricing-rules.md A08); shipping sorts first.
        split.Begin(entries.Length);
        ArrayCapacity.Reserve(ref entryIds, entries.Length);
        for (var j = 0; j < entries.Length; j++)
        {
            split.Add(j, entries[j].Amount);
            entryIds[j] = entries[j].Line < 0 ? string.Empty : lineIds[entries[j].Line];
        }

        split.Allocate(cap, entryIds.AsSpan(0, entries.Length));
        var shares = split.Shares;
        var remaining = amounts.Remaining;
        for (var j = 0; j < entries.Length; j++)
        {
            var entry = entries[j];
            var givenBack = entry.Amount - shares[j];
            if (entry.Line < 0)
            {
                amounts.ShippingRemaining += givenBack;
            }
            else
            {
                remaining[entry.Line] += givenBack;
            }

            if (shares[j] > 0)
            {
                recorder.Record(entry.Line, shares[j]); // docs/pricing-rules.md A42: zero shares get no entry.
            }
        }

        Array.Clear(entryIds, 0, entries.Length);
        return cap;
    }
}
