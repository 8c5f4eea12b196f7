namespace Storewise.Pricing;

/// <summary>A <see cref="UnitSet"/> prepared for evaluation: products as a set, category paths as arrays (docs/pricing-rules.md A13).</summary>
internal sealed class CompiledUnitSet(int quantity, HashSet<string>? products, string[][] categories)
{
    public int Quantity { get; } = quantity;

    public HashSet<string>? Products { get; } = products;

    public string[][] Categories { get; } = categories;

    public bool Matches(string productId, IReadOnlyList<IReadOnlyList<string>>? itemCategories) =>
        (Products is not null && Products.Contains(productId))
        || (itemCategories is not null && CategoryPrefix.AnyMatches(Categories, itemCategories));
}
