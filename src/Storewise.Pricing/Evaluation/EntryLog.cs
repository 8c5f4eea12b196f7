namespace Storewise.Pricing;

/// <summary>The discount entries of the winning scenario, in the order they were taken.</summary>
internal sealed class EntryLog
{
    private AppliedEntry[] entries = new AppliedEntry[64];

    public int Count { get; private set; }

    public ReadOnlySpan<AppliedEntry> All => entries.AsSpan(0, Count);

    public void Add(int participant, int line, long amount)
    {
        ArrayCapacity.GrowForAppend(ref entries, Count);
        entries[Count++] = new AppliedEntry(participant, line, amount);
    }

    public void Clear() => Count = 0;
}
