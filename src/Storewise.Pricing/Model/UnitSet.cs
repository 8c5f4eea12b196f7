namespace Storewise.Pricing;

/// <summary>
/// The buy or the get side of a two-set BOGO, or the buy side of a gift (docs/pricing-semantics.md, "Buy from one
/// set, get from another"): <see cref="Quantity"/> units per application of the products and category paths given
/// (matched as in docs/pricing-rules.md A13).
/// </summary>
public sealed record UnitSet(int Quantity, IReadOnlyList<string> IncludedProducts, IReadOnlyList<IReadOnlyList<string>> IncludedCategories);
