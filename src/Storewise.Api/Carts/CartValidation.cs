using System.Globalization;
using Storewise.Api.Common;
using Storewise.Api.Errors;
using Storewise.Pricing;

namespace Storewise.Api.Carts;

/// <summary>Checks a cart request (docs/spec.md §D3, docs/pricing-rules.md A53/A56) and turns it into the engine's cart.</summary>
public static class CartValidation
{
    private const int MaxQuantity = 1_000_000;
    private const decimal MaxMoney = 1_000_000_000_000m;

    public static Pricing.Cart? Validate(CartRequest request, LimitsOptions limits, ValidationErrors errors)
    {
        var currency = request.Currency?.Trim();
        var exponent = 0;
        if (string.IsNullOrEmpty(currency))
        {
            errors.Add("currency", "is required");
        }
        else if (!CurrencyMinorUnits.TryGetExponent(currency, out exponent))
        {
            errors.Add("currency", $"'{currency}' is not an ISO 4217 currency code");
            currency = null;
        }

        var items = new List<CartItem>();
        if (request.Items is null)
        {
            errors.Add("items", "is required");
        }
        else if (request.Items.Count > limits.MaxCartLines)
        {
            errors.Add("items", $"at most {limits.MaxCartLines} lines are allowed");
        }
        else
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < request.Items.Count; i++)
            {
                var item = ValidateItem(request.Items[i], $"items[{i}]", currency, exponent, errors);
                if (item is null)
                {
                    continue;
                }

                if (!ids.Add(item.Id))
                {
                    errors.Add($"items[{i}].id", $"'{item.Id}' appears more than once in the cart");
                }

                items.Add(item);
            }
        }

        var codes = new List<string>();
        if (request.CouponCodes is not null)
        {
            if (request.CouponCodes.Count > limits.MaxCodesPerRequest)
            {
                errors.Add("couponCodes", $"at most {limits.MaxCodesPerRequest} codes are allowed");
            }

            for (var i = 0; i < request.CouponCodes.Count && i < limits.MaxCodesPerRequest; i++)
            {
                var code = request.CouponCodes[i];
                if (string.IsNullOrWhiteSpace(code))
                {
                    errors.Add($"couponCodes[{i}]", "must be a non-empty string");
                }
                else
                {
                    codes.Add(code);
                }
            }
        }

        if (request.ShippingCost is { } shipping && currency is not null)
        {
            CheckMoney(shipping, "shippingCost", currency, exponent, errors);
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.CustomerAttributes ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                errors.Add($"customerAttributes.{key}", "must be a string");
            }
            else
            {
                attributes[key] = value;
            }
        }

        if (errors.Any || currency is null)
        {
            return null;
        }

        return new Pricing.Cart
        {
            CustomerId = request.CustomerId,
            ChannelType = request.ChannelType,
            Currency = currency,
            StoreId = request.StoreId,
            ShopId = request.ShopId,
            Locale = request.Locale,
            CouponCodes = codes,
            Items = items,
            ShippingCost = request.ShippingCost,
            CustomerAttributes = attributes,
        };
    }

    /// <summary>Reads <c>evaluatedAt</c>: RFC 3339, or a naive time read as UTC (docs/pricing-rules.md A30); absent means now.</summary>
    public static DateTimeOffset? EvaluatedAt(string? value, DateTimeOffset now, ValidationErrors errors)
    {
        if (value is null)
        {
            return now;
        }

        if (DateTimeOffset.TryParseExact(
                value,
                ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"],
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var parsed))
        {
            return parsed;
        }

        errors.Add("evaluatedAt", "must be an RFC 3339 date-time, e.g. 2025-06-01T12:00:00Z");
        return null;
    }

    private static CartItem? ValidateItem(CartItemRequest? item, string field, string? currency, int exponent, ValidationErrors errors)
    {
        if (item is null)
        {
            errors.Add(field, "must be an object");
            return null;
        }

        var before = errors.Causes.Count;
        if (string.IsNullOrEmpty(item.Id))
        {
            errors.Add($"{field}.id", "is required");
        }

        if (string.IsNullOrEmpty(item.ProductId))
        {
            errors.Add($"{field}.productId", "is required");
        }

        if (item.Quantity is not { } quantity)
        {
            errors.Add($"{field}.quantity", "is required");
        }
        else if (quantity is < 1 or > MaxQuantity)
        {
            errors.Add($"{field}.quantity", $"must be an integer from 1 to {MaxQuantity}");
        }

        if (item.Price is not { } price)
        {
            errors.Add($"{field}.price", "is required");
        }
        else if (currency is not null)
        {
            CheckMoney(price, $"{field}.price", currency, exponent, errors);
        }

        var categories = new List<IReadOnlyList<string>>();
        for (var c = 0; c < (item.Categories?.Count ?? 0); c++)
        {
            var path = item.Categories![c]?.Path;
            if (path is null || path.Any(segment => segment is null))
            {
                errors.Add($"{field}.categories[{c}].path", "must be an array of strings");
                continue;
            }

            categories.Add(path.Select(segment => segment!).ToArray());
        }

        return errors.Causes.Count > before
            ? null
            : new CartItem(item.Id!, item.ProductId!, item.Quantity!.Value, item.Price!.Value, categories, item.Name);
    }

    private static void CheckMoney(decimal amount, string field, string currency, int exponent, ValidationErrors errors)
    {
        if (amount < 0)
        {
            errors.Add(field, "must not be negative");
        }
        else if (amount > MaxMoney)
        {
            errors.Add(field, $"must be at most {MaxMoney}");
        }
        else if (!CurrencyMinorUnits.HasAtMostMinorUnitPrecision(amount, currency))
        {
            errors.Add(field, $"has more decimals than {currency.ToUpperInvariant()} allows ({exponent})");
        }
    }
}
