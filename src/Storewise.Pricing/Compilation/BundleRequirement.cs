namespace Storewise.Pricing;

/// <summary>Units of one product a complete bundle set needs; a product listed twice needs the sum (docs/pricing-rules.md A25).</summary>
internal readonly record struct BundleRequirement(string ProductId, int Quantity);
