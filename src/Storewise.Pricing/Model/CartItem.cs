namespace Storewise.Pricing;

/// <summary>One cart line: <paramref name="Price"/> is the unit price before discounts.</summary>
public sealed record CartItem(
    string Id,
    string ProductId,
    int Quantity,
    decimal Price,
    IReadOnlyList<IReadOnlyList<string>> Categories,
    string? Name);
