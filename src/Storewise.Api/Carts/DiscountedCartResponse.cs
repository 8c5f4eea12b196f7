using System.Text.Json.Serialization;

namespace Storewise.Api.Carts;

/// <summary>
/// The answer of <c>POST /v0/promotions/cart</c> (docs/spec.md §D4, docs/pricing-rules.md A51/A54): the request's documented
/// fields as sent (absent ones omitted), each line with its ordered discounts, and the cart totals.
/// </summary>
public sealed record DiscountedCartResponse
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CustomerId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ChannelType { get; init; }

    public required string Currency { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string?>? CouponCodes { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StoreId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ShopId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Locale { get; init; }

    public required IReadOnlyList<DiscountedItem> Items { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? ShippingCost { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string?>? CustomerAttributes { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EvaluatedAt { get; init; }

    public required decimal CatalogTotal { get; init; }

    public required decimal DiscountTotal { get; init; }

    public required IReadOnlyList<DiscountEntry> ShippingDiscounts { get; init; }

    public required decimal ShippingTotal { get; init; }

    public required decimal Total { get; init; }

    public required IReadOnlyList<RejectedCouponEntry> RejectedCoupons { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<NotAppliedEntry>? NotApplied { get; init; }

    /// <summary>With explain, when offers with usage limits took part: what was left of each as the cart was priced.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<UsageEntry>? Usage { get; init; }

    /// <summary>True when the cart was priced with the request's <c>preview</c> change instead of the stored catalogue.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Preview { get; init; }

    /// <summary>Gifts the cart did not hold, added at price 0 by a FreeGift offer; absent when there are none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AddedCartItem>? AddedItems { get; init; }

    /// <summary>With explain, when some offer reads its times in the store's zone: the zone used (docs/pricing-semantics.md, "Time and audience").</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StoreTimeEntry? StoreTime { get; init; }

    /// <summary>
    /// With explain, applied tiered offers below their highest tier and what reaches the next tier
    /// (docs/decisions/1004-next-tier-hints-for-applied-offers.md); absent when there are none.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<NextTierEntry>? NextTiers { get; init; }
}

public sealed record DiscountedItem
{
    public required string Id { get; init; }

    public required string ProductId { get; init; }

    public required int Quantity { get; init; }

    public required decimal Price { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CategoryPathRequest?>? Categories { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    public required IReadOnlyList<DiscountEntry> Discounts { get; init; }

    public required decimal TotalDiscount { get; init; }

    public required decimal Total { get; init; }
}

/// <summary>One applied discount, in the order it was applied (the order is significant).</summary>
public sealed record DiscountEntry(
    string Source,
    string Id,
    string? CouponCode,
    string Name,
    string Kind,
    string Level,
    decimal Value,
    decimal Amount,
    bool Exclusive);

public sealed record RejectedCouponEntry(string Code, string Reason, string Message);

/// <summary>A promotion that did not apply, with its reason, and its hint when it failed on one threshold only.</summary>
public sealed record NotAppliedEntry(
    string Source,
    string Id,
    string Name,
    string Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] HintEntry? Hint = null);

/// <summary>An applied tiered offer and the hint (<c>cartValue</c> or <c>units</c>) that reaches its next tier.</summary>
/// <param name="Source"><c>promotion</c> or <c>coupon</c>.</param>
/// <param name="Id">The offer's id.</param>
/// <param name="CouponCode">The code as sent, for a coupon; null for a promotion.</param>
/// <param name="Name">The offer's name.</param>
/// <param name="Hint">What is missing for the next tier.</param>
public sealed record NextTierEntry(string Source, string Id, string? CouponCode, string Name, HintEntry Hint);

/// <summary>What was left of one limited offer's limits and budget; a limit the offer does not set is absent.</summary>
public sealed record UsageEntry
{
    public required string Source { get; init; }

    public required string Id { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RemainingRedemptions { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RemainingCustomerRedemptions { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RemainingBudgetRedemptions { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? RemainingBudget { get; init; }
}

/// <summary>A gift added to the cart: the product, its quantity, price 0 and the offer that gave it.</summary>
/// <param name="ProductId">The gift product.</param>
/// <param name="Quantity">Units added.</param>
/// <param name="Price">Always 0, at the currency's minor unit: gifts are never charged.</param>
/// <param name="Source"><c>promotion</c> or <c>coupon</c>.</param>
/// <param name="OfferId">The FreeGift offer that added it.</param>
/// <param name="CouponCode">The code as sent, for a coupon; null for a promotion.</param>
/// <param name="OfferName">The offer's name.</param>
public sealed record AddedCartItem(string ProductId, int Quantity, decimal Price, string Source, string OfferId, string? CouponCode, string OfferName);
