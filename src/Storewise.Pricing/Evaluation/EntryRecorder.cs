namespace Storewise.Pricing;

/// <summary>
/// Where one offer application writes its entries: the log of the scenario being recorded, or nowhere when the
/// application only measures what an offer would save.
/// </summary>
internal readonly struct EntryRecorder(EntryLog? log, int participant)
{
    /// <summary>Records <paramref name="amount"/> taken from <paramref name="line"/>; -1 is the shipping cost.</summary>
    public void Record(int line, long amount) => log?.Add(participant, line, amount);

    /// <summary>Records <paramref name="quantity"/> units of the offer's gift <paramref name="gift"/> added to the cart.</summary>
    public void RecordGift(int gift, int quantity) => log?.AddGift(participant, gift, quantity);
}
