namespace Storewise.Pricing;

/// <summary>
/// What <see cref="ScenarioSelection"/> leaves behind when asked to, so that one more coupon can be priced on the
/// same cart without running the scenarios again (<see cref="CouponIncrement"/>): the amounts left after scenario N
/// (every non-exclusive offer applied, stopFurther lines stopped), what scenario N saved, and the winning scenario
/// with its saving.
/// </summary>
internal sealed class ScenarioBaseline
{
    /// <summary>What is left to discount after scenario N, whichever scenario won.</summary>
    public ScenarioAmounts AfterScenarioN { get; } = new();

    /// <summary>Money scenario N took, shipping included.</summary>
    public long ScenarioNSaving { get; private set; }

    /// <summary>The participant whose exclusive scenario won; -1 when scenario N won.</summary>
    public int ExclusiveWinner { get; private set; } = -1;

    /// <summary>Money the winning scenario took: the saving any other scenario had to beat.</summary>
    public long WinningSaving { get; private set; }

    public void KeepScenarioN(ScenarioAmounts amounts, long saving)
    {
        amounts.CopyTo(AfterScenarioN);
        ScenarioNSaving = saving;
        ExclusiveWinner = -1;
        WinningSaving = saving;
    }

    public void KeepWinner(int exclusiveWinner, long saving)
    {
        ExclusiveWinner = exclusiveWinner;
        WinningSaving = saving;
    }
}
