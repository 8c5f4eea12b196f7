namespace Storewise.Pricing;

/// <summary>
/// An offer's terms in one currency: the minimum cart value (docs/pricing-rules.md A35) and, for fixed kinds, the amount rounded to
/// that currency's minor unit (docs/pricing-rules.md A27, A28). <see cref="HasAmount"/> is false when a fixed kind has no amount for it.
/// </summary>
internal readonly record struct CurrencyTerms(int CurrencyId, decimal Minimum, bool HasAmount, long AmountMinor, decimal AmountValue);
