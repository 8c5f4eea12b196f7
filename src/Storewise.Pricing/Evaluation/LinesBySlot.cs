namespace Storewise.Pricing;

/// <summary>
/// (slot, line) pairs in the order they were found, then grouped by slot (a counting sort) with each slot's lines
/// in the order they were added. <see cref="PromotionCandidates"/> keeps one for the eligible promotions it found
/// and one for the others.
/// </summary>
internal sealed class LinesBySlot
{
    private int pairCount;
    private int[] pairSlot = new int[256];
    private int[] pairLine = new int[256];
    private int[] slotStart = new int[64];
    private int[] slotCount = new int[64];
    private int[] sortedLines = new int[256];

    public void Clear() => pairCount = 0;

    public void Add(int slot, int line)
    {
        ArrayCapacity.GrowForAppend(ref pairSlot, pairCount);
        ArrayCapacity.GrowForAppend(ref pairLine, pairCount);
        pairSlot[pairCount] = slot;
        pairLine[pairCount] = line;
        pairCount++;
    }

    /// <summary>Groups the pairs of slots 0 to <paramref name="slots"/> - 1; <see cref="LinesOf"/> is valid from then on.</summary>
    public void Group(int slots)
    {
        ArrayCapacity.Reserve(ref slotStart, slots);
        ArrayCapacity.Reserve(ref slotCount, slots);
        ArrayCapacity.Reserve(ref sortedLines, pairCount);
        Array.Clear(slotCount, 0, slots);
        for (var k = 0; k < pairCount; k++)
        {
            slotCount[pairSlot[k]]++;
        }

        var next = 0;
        for (var slot = 0; slot < slots; slot++)
        {
            slotStart[slot] = next;
            next += slotCount[slot];
        }

        // Count again while filling, which leaves slotCount as it was.
        Array.Clear(slotCount, 0, slots);
        for (var k = 0; k < pairCount; k++)
        {
            var slot = pairSlot[k];
            sortedLines[slotStart[slot] + slotCount[slot]++] = pairLine[k];
        }
    }

    public ReadOnlySpan<int> LinesOf(int slot) => sortedLines.AsSpan(slotStart[slot], slotCount[slot]);
}
