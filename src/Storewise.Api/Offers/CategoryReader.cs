using System.Text.Json;
using System.Text.Json.Nodes;
using Storewise.Api.Errors;
using Storewise.Pricing;

namespace Storewise.Api.Offers;

/// <summary>
/// Reads a <c>category</c> object into an <see cref="OfferCategory"/>, checking every rule of its kind
/// (docs/spec.md §2.2, §6, §D5; docs/pricing-rules.md A12, A24, A25). The one reader for promotions, coupons and stored
/// documents; members it does not know stay in <see cref="OfferCategory.Raw"/>.
/// </summary>
public static class CategoryReader
{
    private const string Field = "category";

    /// <summary>
    /// Validates <paramref name="raw"/> for an offer of <paramref name="type"/>; problems go to
    /// <paramref name="errors"/> and the answer is then null. With <paramref name="targetedBySets"/> (a BOGO
    /// offer with <c>buy</c> and <c>get</c>), the category need not name what it targets.
    /// </summary>
    public static OfferCategory? Read(JsonObject raw, OfferType type, ValidationErrors errors, bool targetedBySets = false)
    {
        var before = errors.Causes.Count;
        if (ReadKind(raw, type, errors) is not { } kind)
        {
            return null;
        }

        var discount = ReadDecimal(raw, "discount", errors);
        var isGift = OfferKinds.IsGift(kind);
        var discounts = OfferKinds.IsFixed(kind) && !isGift ? ReadAmounts(raw, errors) : [];
        if (OfferKinds.IsPercent(kind))
        {
            if (discount is null)
            {
                errors.Add($"{Field}.discount", $"is required for {kind.WireName()}");
            }
            else if (discount <= 0 || discount > 100)
            {
                errors.Add($"{Field}.discount", "must be greater than 0 and at most 100");
            }
        }
        else if (isGift)
        {
            if (discount is not null)
            {
                errors.Add($"{Field}.discount", "FreeGift takes no discount: list the products given in gifts");
            }
        }
        else
        {
            if (discount is not null && discount <= 0)
            {
                errors.Add($"{Field}.discount", "must be greater than 0");
            }

            if (discount is null && discounts.Count == 0)
            {
                errors.Add($"{Field}.discounts", $"{kind.WireName()} needs at least one amount (discounts[] or discount)");
            }
        }

        var targeted = OfferKinds.HasTargeting(kind);
        var includedCategories = targeted ? ReadPaths(raw, errors) : [];
        var includedProducts = targeted ? ReadStrings(raw, "includedProducts", errors) : [];
        var excludedProducts = targeted ? ReadStrings(raw, "excludedProducts", errors) : [];
        var shopId = targeted ? ReadString(raw, "shopId", errors) : null;
        var locale = targeted ? ReadString(raw, "locale", errors) : null;
        if (OfferKinds.RequiresTargeting(kind) && !targetedBySets && includedCategories.Count == 0 && includedProducts.Count == 0)
        {
            errors.Add($"{Field}.includedProducts", $"{kind.WireName()} must name at least one included product or category");
        }

        int? buy = null, get = null;
        if (OfferKinds.IsBogo(kind))
        {
            buy = ReadQuantity(raw, "buyQuantity", required: true, errors);
            get = ReadQuantity(raw, "getQuantity", required: true, errors);
        }

        var products = OfferKinds.IsBundle(kind) ? ReadBundleProducts(raw, errors) : [];
        if (errors.Causes.Count > before)
        {
            return null;
        }

        return new OfferCategory(kind, discount, discounts, includedCategories, includedProducts, excludedProducts, shopId, locale, buy, get, products, raw);
    }

    /// <summary>Reads a category that was validated when it was stored.</summary>
    public static OfferCategory ReadStored(JsonObject raw, OfferType type)
    {
        var errors = new ValidationErrors();
        return Read(raw, type, errors) ?? throw new FormatException("stored category is invalid: " + string.Join("; ", errors.Causes));
    }

    private static OfferKind? ReadKind(JsonObject raw, OfferType type, ValidationErrors errors)
    {
        var node = raw["kind"];
        if (node is null)
        {
            errors.Add($"{Field}.kind", "is required");
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            errors.Add($"{Field}.kind", "must be a string");
            return null;
        }

        var text = node.GetValue<string>();
        var allowed = type.Kinds();
        if (!OfferKinds.TryParse(text, out var kind) || !allowed.Contains(kind))
        {
            var hint = type == OfferType.Coupon && OfferKinds.TryParse(text, out var known) && OfferKinds.IsBundle(known)
                ? " (bundle kinds are for promotions only)" : "";
            errors.Add($"{Field}.kind", $"'{text}' is not one of {string.Join(", ", allowed.Select(k => k.WireName()))}{hint}");
            return null;
        }

        return kind;
    }

    private static decimal? ReadDecimal(JsonObject owner, string name, ValidationErrors errors, string? path = null)
    {
        var node = owner[name];
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue<decimal>(out var value))
        {
            errors.Add(path ?? $"{Field}.{name}", "must be a number");
            return null;
        }

        return value;
    }

    private static string? ReadString(JsonObject owner, string name, ValidationErrors errors)
    {
        var node = owner[name];
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            errors.Add($"{Field}.{name}", "must be a string");
            return null;
        }

        return node.GetValue<string>();
    }

    private static JsonArray? ReadArray(JsonObject owner, string name, ValidationErrors errors, string path)
    {
        var node = owner[name];
        if (node is null)
        {
            return null;
        }

        if (node is not JsonArray array)
        {
            errors.Add(path, "must be an array");
            return null;
        }

        return array;
    }

    private static List<string> ReadStrings(JsonObject owner, string name, ValidationErrors errors, string? path = null)
    {
        path ??= $"{Field}.{name}";
        var values = new List<string>();
        var array = ReadArray(owner, name, errors, path);
        for (var i = 0; array is not null && i < array.Count; i++)
        {
            if (array[i] is not { } item || item.GetValueKind() != JsonValueKind.String || item.GetValue<string>().Length == 0)
            {
                errors.Add($"{path}[{i}]", "must be a non-empty string");
                continue;
            }

            values.Add(item.GetValue<string>());
        }

        return values;
    }

    private static List<CurrencyAmount> ReadAmounts(JsonObject raw, ValidationErrors errors)
    {
        var amounts = new List<CurrencyAmount>();
        var array = ReadArray(raw, "discounts", errors, $"{Field}.discounts");
        for (var i = 0; array is not null && i < array.Count; i++)
        {
            var path = $"{Field}.discounts[{i}]";
            if (array[i] is not JsonObject entry)
            {
                errors.Add(path, "must be an object {amount, currency}");
                continue;
            }

            var amount = ReadDecimal(entry, "amount", errors, $"{path}.amount");
            var currencyNode = entry["currency"];
            var currency = currencyNode?.GetValueKind() == JsonValueKind.String ? currencyNode.GetValue<string>() : null;
            if (entry["amount"] is null)
            {
                errors.Add($"{path}.amount", "is required");
            }
            else if (amount is not null && amount <= 0)
            {
                errors.Add($"{path}.amount", "must be greater than 0");
            }

            if (currency is null || !CurrencyCodes.IsWellFormed(currency))
            {
                errors.Add($"{path}.currency", "must be a 3-letter ISO 4217 code");
            }
            else if (amounts.Any(a => string.Equals(a.Currency, currency, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"{path}.currency", $"{currency} is listed twice");
            }

            if (amount is > 0 && currency is not null)
            {
                amounts.Add(new CurrencyAmount(amount.Value, currency));
            }
        }

        return amounts;
    }

    private static List<CategoryPath> ReadPaths(JsonObject raw, ValidationErrors errors)
    {
        var paths = new List<CategoryPath>();
        var array = ReadArray(raw, "includedCategories", errors, $"{Field}.includedCategories");
        for (var i = 0; array is not null && i < array.Count; i++)
        {
            var path = $"{Field}.includedCategories[{i}]";
            if (array[i] is not JsonObject entry || entry["path"] is not JsonArray)
            {
                errors.Add($"{path}.path", "must be an array of category names");
                continue;
            }

            paths.Add(new CategoryPath(ReadStrings(entry, "path", errors, $"{path}.path")));
        }

        return paths;
    }

    private static int? ReadQuantity(JsonObject owner, string name, bool required, ValidationErrors errors, string? path = null)
    {
        path ??= $"{Field}.{name}";
        var node = owner[name];
        if (node is null)
        {
            if (required)
            {
                errors.Add(path, "is required");
            }

            return null;
        }

        if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue<int>(out var value) || value < 1)
        {
            errors.Add(path, "must be an integer of at least 1");
            return null;
        }

        return value;
    }

    private static List<BundleProduct> ReadBundleProducts(JsonObject raw, ValidationErrors errors)
    {
        var products = new List<BundleProduct>();
        var array = ReadArray(raw, "products", errors, $"{Field}.products");
        if (array is null || array.Count == 0)
        {
            if (array is not null || raw["products"] is null)
            {
                errors.Add($"{Field}.products", "a bundle needs at least one {productId, quantity}");
            }

            return products;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var path = $"{Field}.products[{i}]";
            if (array[i] is not JsonObject entry)
            {
                errors.Add(path, "must be an object {productId, quantity}");
                continue;
            }

            var idNode = entry["productId"];
            var productId = idNode?.GetValueKind() == JsonValueKind.String ? idNode.GetValue<string>() : null;
            if (string.IsNullOrEmpty(productId))
            {
                errors.Add($"{path}.productId", "must be a non-empty string");
            }

            var quantity = ReadQuantity(entry, "quantity", required: false, errors, $"{path}.quantity");
            if (!string.IsNullOrEmpty(productId) && (quantity is not null || entry["quantity"] is null))
            {
                products.Add(new BundleProduct(productId, quantity ?? 1));
            }
        }

        return products;
    }
}
