namespace Storewise.Pricing;

/// <summary>A customer-attribute restriction: the cart's attribute <see cref="Key"/> must equal <see cref="Value"/> (docs/pricing-rules.md A31).</summary>
public sealed record Segment(string Key, string Value);
