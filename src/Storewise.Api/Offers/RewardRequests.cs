using System.ComponentModel;
using Storewise.Api.Carts;

namespace Storewise.Api.Offers;

/// <summary>One tier as sent (docs/pricing-semantics.md, "Tiers").</summary>
public sealed record TierRequest(
    [property: Description("Cart-level kinds: the catalog total the cart must reach, in the cart currency.")]
    decimal? MinimumCartValue,
    [property: Description("Product-level kinds: the qualifying units the cart must hold.")]
    int? MinimumQuantity,
    [property: Description("Percent kinds: the percentage of the tier. Fixed kinds: an amount for every currency.")]
    decimal? Discount,
    [property: Description("Fixed kinds: the amount of the tier per currency, like category.discounts.")]
    IReadOnlyList<MoneyRequest?>? Discounts);

/// <summary>Money in one currency as sent: <c>{"currency", "amount"}</c>.</summary>
public sealed record MoneyRequest(
    [property: Description("ISO 4217 code, one of the offer's currencies.")]
    string? Currency,
    [property: Description("The amount, greater than 0.")]
    decimal? Amount);

/// <summary>The buy or get side of an offer as sent (docs/pricing-semantics.md, "Buy from one set, get from another").</summary>
public sealed record UnitSetRequest(
    [property: Description("Units per application, at least 1.")]
    int? Quantity,
    [property: Description("Product ids in the set.")]
    IReadOnlyList<string?>? IncludedProducts,
    [property: Description("Category paths in the set, matched by prefix like category.includedCategories.")]
    IReadOnlyList<CategoryPathRequest?>? IncludedCategories);

/// <summary>A gift product as sent (docs/pricing-semantics.md, "Gifts").</summary>
public sealed record GiftRequest(
    [property: Description("The product given.")]
    string? ProductId,
    [property: Description("Units given per application, at least 1; 1 when omitted.")]
    int? Quantity);
