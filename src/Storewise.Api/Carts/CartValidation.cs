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
                var item = ValidateItem(request.Items[i], i, currency, exponent, errors);
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

        if (request.ShippingCost is { } shipping && currency is not null && MoneyProblem(shipping, currency, exponent) is { } shippingProblem)
        {
            errors.Add("shippingCost", shippingProblem);
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

    // The field names are formatted only for a line that has a problem: a valid line allocates no text.
    private static CartItem? ValidateItem(CartItemRequest? item, int index, string? currency, int exponent, ValidationErrors errors)
    {
        if (item is null)
        {
            errors.Add(ItemField(index, ""), "must be an object");
            return null;
        }

        var before = errors.Causes.Count;
        if (string.IsNullOrEmpty(item.Id))
        {
            errors.Add(ItemField(index, ".id"), "is required");
        }

        if (string.IsNullOrEmpty(item.ProductId))
        {
            errors.Add(ItemField(index, ".productId"), "is required");
        }

        if (item.Quantity is not { } quantity)
        {
            errors.Add(ItemField(index, ".quantity"), "is required");
        }
        else if (quantity is < 1 or > MaxQuantity)
        {
            errors.Add(ItemField(index, ".quantity"), $"must be an integer from 1 to {MaxQuantity}");
        }

        if (item.Price is not { } price)
        {
            errors.Add(ItemField(index, ".price"), "is required");
        }
        else if (currency is not null && MoneyProblem(price, currency, exponent) is { } priceProblem)
        {
            errors.Add(ItemField(index, ".price"), priceProblem);
        }

        var count = item.Categories?.Count ?? 0;
        var categories = new List<IReadOnlyList<string>>(count);
        for (var c = 0; c < count; c++)
        {
            if (Segments(item.Categories![c]?.Path) is { } segments)
            {
                categories.Add(segments);
            }
            else
            {
                errors.Add(ItemField(index, $".categories[{c}].path"), "must be an array of strings");
            }
        }

        return errors.Causes.Count > before
            ? null
            : new CartItem(item.Id!, item.ProductId!, item.Quantity!.Value, item.Price!.Value, categories, item.Name);
    }

    private static string ItemField(int index, string suffix) => $"items[{index}]{suffix}";

    /// <summary>The path's segments, or null when it is missing or one of them is not a string.</summary>
    private static string[]? Segments(IReadOnlyList<string?>? path)
    {
        if (path is null)
        {
            return null;
        }

        var segments = new string[path.Count];
        for (var s = 0; s < segments.Length; s++)
        {
            if (path[s] is not { } segment)
            {
                return null;
            }

            segments[s] = segment;
        }

        return segments;
    }

    /// <summary>What is wrong with an amount of money, or null when nothing is.</summary>
    private static string? MoneyProblem(decimal amount, string currency, int exponent) =>
        amount < 0 ? "must not be negative"
        : amount > MaxMoney ? $"must be at most {MaxMoney}"
        : !CurrencyMinorUnits.HasAtMostMinorUnitPrecision(amount, currency) ? $"has more decimals than {currency.ToUpperInvariant()} allows ({exponent})"
        : null;
}
