namespace Storewise.Pricing;

/// <summary>An immutable snapshot of the cart to price (docs/spec.md §D3).</summary>
public sealed record Cart
{
    public string? CustomerId { get; init; }

    public string? ChannelType { get; init; }

    public required string Currency { get; init; }

    public string? StoreId { get; init; }

    public string? ShopId { get; init; }

    public string? Locale { get; init; }

    public IReadOnlyList<string> CouponCodes { get; init; } = [];

    public required IReadOnlyList<CartItem> Items { get; init; }

    /// <summary>Shipping price before discounts; null when the cart has none (docs/pricing-rules.md A52).</summary>
    public decimal? ShippingCost { get; init; }

    public IReadOnlyDictionary<string, string>? CustomerAttributes { get; init; }
}
