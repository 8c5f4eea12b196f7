using System.Text.Json.Serialization;
using Storewise.Api.WhatIf;

namespace Storewise.Api.Carts;

/// <summary>The body of <c>POST /v0/promotions/cart</c> (docs/spec.md §3.1, §D3). Anything else sent is ignored.</summary>
public sealed record CartRequest
{
    public string? CustomerId { get; init; }

    public string? ChannelType { get; init; }

    public string? Currency { get; init; }

    public IReadOnlyList<string?>? CouponCodes { get; init; }

    public string? StoreId { get; init; }

    public string? ShopId { get; init; }

    public string? Locale { get; init; }

    public IReadOnlyList<CartItemRequest?>? Items { get; init; }

    public decimal? ShippingCost { get; init; }

    public IReadOnlyDictionary<string, string?>? CustomerAttributes { get; init; }

    /// <summary>RFC 3339 instant to price the cart at; now when absent.</summary>
    public string? EvaluatedAt { get; init; }

    /// <summary>A change of the catalogue to price the cart with instead of the stored one; nothing is stored.</summary>
    public CartPreviewRequest? Preview { get; init; }
}

public sealed record CartItemRequest
{
    public string? Id { get; init; }

    public string? ProductId { get; init; }

    public int? Quantity { get; init; }

    public decimal? Price { get; init; }

    public IReadOnlyList<CategoryPathRequest?>? Categories { get; init; }

    public string? Name { get; init; }
}

public sealed record CategoryPathRequest
{
    [JsonPropertyName("path")]
    public IReadOnlyList<string?>? Path { get; init; }
}
