using System.ComponentModel;
using Storewise.Api.Carts;

namespace Storewise.Api.Offers;

// Only documentation (docs/decisions/1104-category-in-the-contract.md): the body keeps category as raw JSON, which
// CategoryReader validates and the API echoes with unknown members (docs/spec.md §D5).

/// <summary>
/// An offer's discount definition as sent: its <c>kind</c> and the members that kind reads. Members not listed here
/// are accepted and echoed as sent. A replace keeps the stored category and reads none of this one (the
/// vendor's collapsed <c>[]</c> is taken there too).
/// </summary>
public sealed record CategoryRequest(
    [property: Description("The kind of discount; decides which of the other members apply. Bundle kinds are for promotions only.")]
    string? Kind,
    [property: Description("Percent kinds (required): the percentage, greater than 0 and at most 100. Fixed kinds except FreeGift: one amount for every currency, greater than 0. FreeGift takes none.")]
    decimal? Discount,
    [property: Description("Fixed kinds except FreeGift: the amount per currency; a fixed kind needs discounts or discount.")]
    IReadOnlyList<MoneyRequest?>? Discounts,
    [property: Description("Product-level, BOGO and bundle kinds: category paths whose products are targeted, matched by prefix. Product-level and BOGO kinds name at least one included category or product.")]
    IReadOnlyList<CategoryPathRequest?>? IncludedCategories,
    [property: Description("Product-level, BOGO and bundle kinds: product ids targeted. Product-level and BOGO kinds name at least one included category or product.")]
    IReadOnlyList<string?>? IncludedProducts,
    [property: Description("Product-level, BOGO and bundle kinds: product ids never targeted.")]
    IReadOnlyList<string?>? ExcludedProducts,
    [property: Description("Product-level, BOGO and bundle kinds: the catalog the category paths are read in, e.g. storefront-catalog-en.")]
    string? ShopId,
    [property: Description("Product-level, BOGO and bundle kinds: the locale of the category names, e.g. en-us.")]
    string? Locale,
    [property: Description("BOGO kinds (required): the units bought per application, at least 1.")]
    int? BuyQuantity,
    [property: Description("BOGO kinds (required): the units discounted per application, at least 1.")]
    int? GetQuantity,
    [property: Description("Bundle kinds (required): the products of the bundle with their quantity, at least one.")]
    IReadOnlyList<BundleProductRequest?>? Products);

/// <summary>One product of a bundle as sent: <c>{"productId", "quantity"}</c>.</summary>
public sealed record BundleProductRequest(
    [property: Description("The product in the bundle.")]
    string? ProductId,
    [property: Description("Units of the product in one bundle, at least 1; 1 when omitted.")]
    int? Quantity);
