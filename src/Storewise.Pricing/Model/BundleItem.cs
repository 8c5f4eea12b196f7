namespace Storewise.Pricing;

/// <summary>One product of a bundle and how many units a complete set needs.</summary>
public sealed record BundleItem(string ProductId, int Quantity);
