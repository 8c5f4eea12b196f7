namespace Storewise.Pricing;

/// <summary>
/// Everything a cart line asks the catalogue about its product, under one key: the promotions indexed by it
/// (latest end first) and whether it is globally excluded (docs/spec.md §1.5). One lookup per line instead of one
/// per question (docs/decisions/0522-one-product-lookup-per-line.md).
/// </summary>
internal readonly record struct ProductEntry(IndexEntry[] Offers, bool Excluded);
