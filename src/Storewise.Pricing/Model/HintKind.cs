namespace Storewise.Pricing;

/// <summary>What a near-miss hint asks for (docs/pricing-semantics.md, "Near-miss hints").</summary>
public enum HintKind
{
    /// <summary>More catalog value in the cart currency (minimumCartValue).</summary>
    CartValue,

    /// <summary>More units of the products or categories that count (minimumQuantity, BOGO groups, bundle sets).</summary>
    Units,

    /// <summary>A later instant: the offer's schedule window (or validity) opens then.</summary>
    Schedule,
}
