namespace Storewise.Pricing;

/// <summary>Units of one bundle product missing from the cart for a complete set.</summary>
public sealed record BundleShortfall(string ProductId, int Missing);
