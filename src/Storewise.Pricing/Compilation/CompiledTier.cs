namespace Storewise.Pricing;

/// <summary>
/// One tier of an offer prepared for evaluation: its threshold, and its percent or its amount in each of the
/// offer's currencies (by catalog currency id, rounded as docs/pricing-rules.md A28 says).
/// </summary>
internal sealed class CompiledTier(decimal minimumCartValue, int minimumQuantity, decimal percent, CurrencyAmountMinor[] amounts)
{
    public decimal MinimumCartValue { get; } = minimumCartValue;

    public int MinimumQuantity { get; } = minimumQuantity;

    public decimal Percent { get; } = percent;

    public PercentRate Rate { get; } = new(percent);

    public CurrencyAmountMinor[] Amounts { get; } = amounts;
}
