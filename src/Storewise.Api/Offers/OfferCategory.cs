using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Storewise.Pricing;

namespace Storewise.Api.Offers;

/// <summary>
/// The typed view of an offer's <c>category</c> (docs/spec.md §2.2, §D5). Fields a kind does not use are null or empty.
/// <see cref="Raw"/> is the category exactly as the client sent it, unknown members included; it is what the
/// API echoes.
/// </summary>
/// <param name="OfferKind">The kind, one of <see cref="OfferTypes.Kinds"/> for the offer's type.</param>
/// <param name="Discount">Percent kinds: the percentage (0 &lt; x ≤ 100). Fixed kinds: an optional scalar amount
/// for every currency; a <see cref="Discounts"/> entry for the cart currency wins over it (docs/pricing-rules.md A27).</param>
/// <param name="Discounts">Fixed kinds: the amount per currency.</param>
/// <param name="IncludedCategories">Product, BOGO and bundle kinds: category paths that qualify (subtree match, docs/pricing-rules.md A13).</param>
/// <param name="IncludedProducts">Product, BOGO and bundle kinds: product ids that qualify.</param>
/// <param name="ExcludedProducts">Product ids that never qualify; wins over both included lists.</param>
/// <param name="ShopId">The catalog the category paths belong to (not compared with the cart's, docs/pricing-rules.md A14).</param>
/// <param name="Locale">The catalog locale (not compared, docs/pricing-rules.md A14).</param>
/// <param name="BuyQuantity">BOGO kinds: units to buy per group (≥ 1).</param>
/// <param name="GetQuantity">BOGO kinds: discounted units per group (≥ 1).</param>
/// <param name="Products">Bundle kinds: the products of one set with their quantities.</param>
/// <param name="Raw">The category object as sent, echoed unchanged.</param>
public sealed record OfferCategory(
    OfferKind OfferKind,
    decimal? Discount,
    IReadOnlyList<CurrencyAmount> Discounts,
    IReadOnlyList<CategoryPath> IncludedCategories,
    IReadOnlyList<string> IncludedProducts,
    IReadOnlyList<string> ExcludedProducts,
    string? ShopId,
    string? Locale,
    int? BuyQuantity,
    int? GetQuantity,
    IReadOnlyList<BundleProduct> Products,
    JsonObject Raw)
{
    /// <summary>The kind as written in <c>category.kind</c>.</summary>
    [JsonIgnore]
    public string Kind => OfferKind.WireName();

    /// <summary>Fixed kinds: the amount per currency, first entry of a currency first, looked up case-insensitively.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, decimal> AmountsByCurrency => CurrencyAmount.ByCurrency(Discounts);

    /// <summary>The amount of a fixed kind for a currency, or null when it is not eligible in it (docs/pricing-rules.md A27).</summary>
    public decimal? AmountFor(string currency) => FixedAmounts.For(AmountsByCurrency, Discount, currency);
}

/// <summary>A fixed amount in one currency: <c>{"amount": 5, "currency": "EUR"}</c>.</summary>
public sealed record CurrencyAmount(decimal Amount, string Currency)
{
    /// <summary>The amounts by currency code, first entry of a currency first, looked up case-insensitively.</summary>
    public static Dictionary<string, decimal> ByCurrency(IReadOnlyList<CurrencyAmount> amounts)
    {
        var byCurrency = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in amounts)
        {
            byCurrency.TryAdd(entry.Currency, entry.Amount);
        }

        return byCurrency;
    }
}

/// <summary>A category breadcrumb from the catalog root: <c>{"path": ["Shop", "Accessories"]}</c>.</summary>
public sealed record CategoryPath(IReadOnlyList<string> Path);

/// <summary>One product of a bundle set: <c>{"productId": "A", "quantity": 2}</c> (quantity 1 when absent, docs/pricing-rules.md A25).</summary>
public sealed record BundleProduct(string ProductId, int Quantity);
