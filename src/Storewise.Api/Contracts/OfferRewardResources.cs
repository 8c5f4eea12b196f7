using System.Text.Json.Serialization;

namespace Storewise.Api.Contracts;

/// <summary>One tier of an offer: its threshold and its discount, each member only when set.</summary>
public sealed record OfferTierResource
{
    /// <summary>Cart-level kinds: the catalog total the cart must reach.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? MinimumCartValue { get; init; }

    /// <summary>Product-level kinds: the qualifying units the cart must hold.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MinimumQuantity { get; init; }

    /// <summary>Percent kinds: the percentage; fixed kinds: an amount for every currency.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Discount { get; init; }

    /// <summary>Fixed kinds: the amount per currency.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<OfferAmountResource>? Discounts { get; init; }
}

/// <summary>Money in one currency.</summary>
public sealed record OfferAmountResource
{
    /// <summary>ISO 4217 code.</summary>
    public required string Currency { get; init; }

    /// <summary>The amount in that currency.</summary>
    public required decimal Amount { get; init; }
}

/// <summary>A buy or get set: units per application of the products and category paths given.</summary>
public sealed record OfferUnitSetResource
{
    /// <summary>Units per application.</summary>
    public required int Quantity { get; init; }

    /// <summary>Product ids in the set.</summary>
    public required IReadOnlyList<string> IncludedProducts { get; init; }

    /// <summary>Category paths in the set.</summary>
    public required IReadOnlyList<OfferCategoryPathResource> IncludedCategories { get; init; }
}

/// <summary>A category path from the catalog root.</summary>
public sealed record OfferCategoryPathResource
{
    /// <summary>The category names, root first.</summary>
    public required IReadOnlyList<string> Path { get; init; }
}

/// <summary>A product a FreeGift offer gives.</summary>
public sealed record OfferGiftResource
{
    /// <summary>The product given.</summary>
    public required string ProductId { get; init; }

    /// <summary>Units given per application.</summary>
    public required int Quantity { get; init; }
}
