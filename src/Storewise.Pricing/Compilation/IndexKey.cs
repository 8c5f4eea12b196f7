namespace Storewise.Pricing;

/// <summary>One list of the promotion index that holds a promotion: a product or store id as <paramref name="Key"/>, a category as <paramref name="Path"/>.</summary>
internal readonly record struct IndexKey(IndexList List, string? Key, string[]? Path);
