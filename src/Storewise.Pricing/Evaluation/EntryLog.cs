namespace Storewise.Pricing;

/// <summary>The discount entries of the winning scenario, in the order they were taken.</summary>
internal sealed class EntryLog
{
    private AppliedEntry[] entries = new AppliedEntry[64];
    private AppliedEntry[] gifts = [];

    public int Count { get; private set; }

    public ReadOnlySpan<AppliedEntry> All => entries.AsSpan(0, Count);

    public void Add(int participant, int line, long amount)
    {
        ArrayCapacity.GrowForAppend(ref entries, Count);
        entries[Count++] = new AppliedEntry(participant, line, amount);
    }

    /// <summary>Gifts added (quantity of gift <c>Line</c> of the participant's offer), in the order they were given.</summary>
    public ReadOnlySpan<AppliedEntry> Gifts => gifts.AsSpan(0, GiftCount);

    public int GiftCount { get; private set; }

    public void AddGift(int participant, int gift, int quantity)
    {
        ArrayCapacity.GrowForAppend(ref gifts, GiftCount);
        gifts[GiftCount++] = new AppliedEntry(participant, gift, quantity);
    }

    public void Clear()
    {
        Count = 0;
        GiftCount = 0;
    }
}
