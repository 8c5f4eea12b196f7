namespace Storewise.Pricing;

/// <summary>
/// Marks which catalog promotions (by index) were touched in the current evaluation. A stamp equal to the
/// current generation is a mark, so starting an evaluation clears nothing, however large the catalog.
/// </summary>
internal sealed class PromotionStamps
{
    private int[] stamps = new int[64];
    private int generation;

    /// <summary>Forgets every mark, for an evaluation against a catalog of <paramref name="promotionCount"/> promotions.</summary>
    public void Begin(int promotionCount)
    {
        // New arrays hold zeros, which never equal a live generation (generations start at 1).
        ArrayCapacity.Reserve(ref stamps, promotionCount);
        generation++;
        if (generation == int.MaxValue)
        {
            // After two billion evaluations the stamps could repeat: clear them once.
            Array.Clear(stamps);
            generation = 1;
        }
    }

    public bool IsMarked(int promotion) => stamps[promotion] == generation;

    public void Mark(int promotion) => stamps[promotion] = generation;
}
