namespace Storewise.Pricing;

/// <summary>
/// One step of a tiered offer (docs/pricing-semantics.md, "Tiers"): cart-level kinds reach it at
/// <see cref="MinimumCartValue"/> (the base of docs/pricing-rules.md A35), product-level kinds at <see cref="MinimumQuantity"/> qualifying
/// units. It replaces the offer's percent, or its amounts, once reached; the highest tier reached applies.
/// </summary>
public sealed record RewardTier
{
    private static readonly IReadOnlyDictionary<string, decimal> NoAmounts =
        new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Cart-level kinds: the catalog total the cart must reach, in the cart currency.</summary>
    public decimal MinimumCartValue { get; init; }

    /// <summary>Product-level kinds: the qualifying units the cart must hold.</summary>
    public int MinimumQuantity { get; init; }

    /// <summary>Percent kinds: the percentage of this tier.</summary>
    public decimal? Percent { get; init; }

    /// <summary>Fixed kinds: the amount of this tier by currency code, looked up case-insensitively.</summary>
    public IReadOnlyDictionary<string, decimal> Amounts { get; init; } = NoAmounts;

    /// <summary>Fixed kinds: the amount for every currency; a per-currency entry wins (docs/pricing-rules.md A27).</summary>
    public decimal? ScalarAmount { get; init; }
}
