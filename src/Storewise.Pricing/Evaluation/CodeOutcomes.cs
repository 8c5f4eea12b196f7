namespace Storewise.Pricing;

/// <summary>What became of each submitted coupon code, in couponCodes order. Written by <see cref="CouponCodes"/>.</summary>
internal sealed class CodeOutcomes
{
    private CodeOutcome[] outcomes = new CodeOutcome[4];

    public int Count { get; private set; }

    public ReadOnlySpan<CodeOutcome> All => outcomes.AsSpan(0, Count);

    public ref CodeOutcome Add()
    {
        ArrayCapacity.GrowForAppend(ref outcomes, Count);
        outcomes[Count] = default;
        return ref outcomes[Count++];
    }

    /// <summary>Forgets the outcomes, and with them the references to code texts.</summary>
    public void Clear()
    {
        Array.Clear(outcomes, 0, Count);
        Count = 0;
    }
}
