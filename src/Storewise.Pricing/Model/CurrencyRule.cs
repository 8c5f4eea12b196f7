namespace Storewise.Pricing;

/// <summary>A currency the offer accepts, with the minimum catalog total a cart needs (docs/pricing-rules.md A35).</summary>
public sealed record CurrencyRule(string Code, decimal MinimumCartValue);
