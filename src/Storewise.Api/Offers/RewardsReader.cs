using Storewise.Api.Carts;
using Storewise.Api.Errors;
using Storewise.Pricing;

namespace Storewise.Api.Offers;

/// <summary>
/// Validates the reward and stacking fields of an offer (docs/pricing-semantics.md, "Rewards and stacking") against
/// its kind and currencies; every problem names its field. All are optional: an offer that sets none gets null.
/// </summary>
public static class RewardsReader
{
    public const int MaxStackingGroupLength = 100;

    public static OfferRewards? Read(OfferRequest request, OfferCategory category, IReadOnlyList<OfferCurrency> currencies, ValidationErrors errors)
    {
        var kind = category.OfferKind;
        var tiers = ReadTiers(request.Tiers, category, currencies, errors);
        var maxDiscount = ReadMaxDiscount(request.MaxDiscount, currencies, errors);
        if (request.MaxQuantity is not null)
        {
            RequireKind(OfferKinds.IsProductLevel(kind), "maxQuantity", "product-level kinds", errors);
            CheckAtLeastOne(request.MaxQuantity, "maxQuantity", errors);
        }

        var (buy, get) = ReadSets(request, category, errors);
        if (request.GetOrder is not null)
        {
            RequireKind(OfferKinds.IsBogo(kind), "getOrder", "BOGO kinds", errors);
        }

        if (request.MaxApplications is not null)
        {
            RequireKind(OfferKinds.IsBogo(kind) || OfferKinds.IsGift(kind), "maxApplications", "BOGO kinds and FreeGift", errors);
            CheckAtLeastOne(request.MaxApplications, "maxApplications", errors);
        }

        var gifts = ReadGifts(request.Gifts, kind, errors);
        var group = request.StackingGroup;
        if (group is not null && (string.IsNullOrWhiteSpace(group) || group.Length > MaxStackingGroupLength))
        {
            errors.Add("stackingGroup", $"must be a non-blank name of at most {MaxStackingGroupLength} characters (omit it for none)");
        }

        var rewards = new OfferRewards(
            tiers, maxDiscount, request.MaxQuantity, buy, get, request.GetOrder, request.MaxApplications, gifts, request.Priority, group, request.StopFurther);
        return rewards is { Tiers.Count: 0, MaxDiscount.Count: 0, MaxQuantity: null, Buy: null, Get: null, GetOrder: null, MaxApplications: null, Gifts.Count: 0, Priority: null, StackingGroup: null, StopFurther: null }
            ? null
            : rewards;
    }

    private static List<OfferTier> ReadTiers(IReadOnlyList<TierRequest?>? entries, OfferCategory category, IReadOnlyList<OfferCurrency> currencies, ValidationErrors errors)
    {
        var tiers = new List<OfferTier>();
        // Empty means none, as for every other list of the offer (a form that leaves the list alone sends []).
        if (entries is null || entries.Count == 0)
        {
            return tiers;
        }

        var kind = category.OfferKind;
        var byCart = OfferKinds.IsCartLevel(kind) && !OfferKinds.IsGift(kind);
        if (!byCart && !OfferKinds.IsProductLevel(kind))
        {
            errors.Add("tiers", "apply to cart-level and product-level kinds only");
            return tiers;
        }

        var isPercent = OfferKinds.IsPercent(kind);
        for (var i = 0; i < entries.Count; i++)
        {
            var field = $"tiers[{i}]";
            if (entries[i] is not { } entry)
            {
                errors.Add(field, "must be an object with a threshold and a discount");
                continue;
            }

            var before = errors.Causes.Count;
            CheckThreshold(entry, byCart, field, errors);
            var amounts = isPercent ? [] : ReadMoney(entry.Discounts, $"{field}.discounts", currencies, errors);
            CheckDiscount(entry, isPercent, amounts, currencies, field, errors);
            if (errors.Causes.Count > before)
            {
                continue;
            }

            var tier = new OfferTier(entry.MinimumCartValue, entry.MinimumQuantity, entry.Discount, amounts);
            var previous = tiers.Count > 0 ? tiers[^1] : null;
            CheckAscending(tier, previous, byCart, field, errors);
            CheckNotFalling(tier, previous, category, currencies, field, errors);
            tiers.Add(tier);
        }

        return tiers;
    }

    private static void CheckThreshold(TierRequest entry, bool byCart, string field, ValidationErrors errors)
    {
        var (needed, other) = byCart ? ("minimumCartValue", "minimumQuantity") : ("minimumQuantity", "minimumCartValue");
        if (byCart ? entry.MinimumCartValue is null : entry.MinimumQuantity is null)
        {
            errors.Add($"{field}.{needed}", "is required");
        }
        else if (byCart ? entry.MinimumCartValue < 0 : entry.MinimumQuantity < 1)
        {
            errors.Add($"{field}.{needed}", byCart ? "must be at least 0" : "must be at least 1");
        }

        if (byCart ? entry.MinimumQuantity is not null : entry.MinimumCartValue is not null)
        {
            errors.Add($"{field}.{other}", byCart ? "applies to product-level kinds only" : "applies to cart-level kinds only");
        }
    }

    private static void CheckDiscount(TierRequest entry, bool isPercent, List<CurrencyAmount> amounts, IReadOnlyList<OfferCurrency> currencies, string field, ValidationErrors errors)
    {
        if (isPercent)
        {
            if (entry.Discount is not { } percent)
            {
                errors.Add($"{field}.discount", "is required");
            }
            else if (percent <= 0 || percent > 100)
            {
                errors.Add($"{field}.discount", "must be greater than 0 and at most 100");
            }

            if (entry.Discounts is not null)
            {
                errors.Add($"{field}.discounts", "apply to fixed kinds only (a percent tier has a discount)");
            }

            return;
        }

        if (entry.Discount is <= 0)
        {
            errors.Add($"{field}.discount", "must be greater than 0");
        }
        else if (entry.Discount is null)
        {
            // docs/spec.md §6: a fixed kind needs an amount for every currency it accepts (a scalar discount covers them all).
            foreach (var currency in currencies)
            {
                if (!amounts.Any(a => CurrencyCodes.SameCode(a.Currency, currency.Code)))
                {
                    errors.Add($"{field}.discounts", $"has no amount for {currency.Code}, which is listed in currencies");
                }
            }
        }
    }

    private static void CheckAscending(OfferTier tier, OfferTier? previous, bool byCart, string field, ValidationErrors errors)
    {
        if (previous is null)
        {
            return;
        }

        var ascending = byCart ? tier.MinimumCartValue > previous.MinimumCartValue : tier.MinimumQuantity > previous.MinimumQuantity;
        if (!ascending)
        {
            var name = byCart ? "minimumCartValue" : "minimumQuantity";
            errors.Add($"{field}.{name}", $"must be greater than the {name} of the tier before it (tiers are listed in ascending order)");
        }
    }

    // A higher tier never gives less, so a larger cart never gets a smaller discount from the offer alone.
    private static void CheckNotFalling(OfferTier tier, OfferTier? previous, OfferCategory category, IReadOnlyList<OfferCurrency> currencies, string field, ValidationErrors errors)
    {
        if (OfferKinds.IsPercent(category.OfferKind))
        {
            var floor = previous?.Discount ?? category.Discount;
            if (tier.Discount < floor)
            {
                errors.Add($"{field}.discount", $"must not be less than {(previous is null ? "category.discount" : "the discount of the tier before it")}");
            }

            return;
        }

        foreach (var currency in currencies)
        {
            var amount = FixedAmounts.For(CurrencyAmount.ByCurrency(tier.Discounts), tier.Discount, currency.Code);
            var floor = previous is null ? category.AmountFor(currency.Code) : FixedAmounts.For(CurrencyAmount.ByCurrency(previous.Discounts), previous.Discount, currency.Code);
            if (amount < floor)
            {
                errors.Add($"{field}.discounts", $"must not give less in {currency.Code} than {(previous is null ? "the category" : "the tier before it")}");
            }
        }
    }

    private static List<CurrencyAmount> ReadMaxDiscount(IReadOnlyList<MoneyRequest?>? entries, IReadOnlyList<OfferCurrency> currencies, ValidationErrors errors)
    {
        return ReadMoney(entries, "maxDiscount", currencies, errors);
    }

    // Money per currency: each currency once and one of the offer's, each amount greater than 0.
    private static List<CurrencyAmount> ReadMoney(IReadOnlyList<MoneyRequest?>? entries, string field, IReadOnlyList<OfferCurrency> currencies, ValidationErrors errors)
    {
        var amounts = new List<CurrencyAmount>();
        for (var i = 0; entries is not null && i < entries.Count; i++)
        {
            var path = $"{field}[{i}]";
            if (entries[i] is not { } entry)
            {
                errors.Add(path, "must be an object {currency, amount}");
                continue;
            }

            var valid = true;
            if (entry.Currency is null || !CurrencyCodes.IsWellFormed(entry.Currency))
            {
                errors.Add($"{path}.currency", "must be a 3-letter ISO 4217 code");
                valid = false;
            }
            else if (!currencies.Any(c => CurrencyCodes.SameCode(c.Code, entry.Currency)))
            {
                errors.Add($"{path}.currency", $"{entry.Currency} is not one of the offer's currencies");
                valid = false;
            }
            else if (amounts.Any(a => CurrencyCodes.SameCode(a.Currency, entry.Currency)))
            {
                errors.Add($"{path}.currency", $"{entry.Currency} is listed twice");
                valid = false;
            }

            if (entry.Amount is not { } amount || amount <= 0)
            {
                errors.Add($"{path}.amount", "is required and must be greater than 0");
                valid = false;
            }

            if (valid)
            {
                amounts.Add(new CurrencyAmount(entry.Amount!.Value, entry.Currency!));
            }
        }

        return amounts;
    }

    private static (OfferUnitSet? Buy, OfferUnitSet? Get) ReadSets(OfferRequest request, OfferCategory category, ValidationErrors errors)
    {
        var kind = category.OfferKind;
        if (request.Buy is not null)
        {
            RequireKind(OfferKinds.IsBogo(kind) || OfferKinds.IsGift(kind), "buy", "BOGO kinds and FreeGift", errors);
        }

        if (request.Get is not null)
        {
            RequireKind(OfferKinds.IsBogo(kind), "get", "BOGO kinds", errors);
        }

        if (OfferKinds.IsBogo(kind))
        {
            if (request.Get is not null && request.Buy is null)
            {
                errors.Add("buy", "is required with get");
            }
            else if (request.Buy is not null && request.Get is null)
            {
                errors.Add("get", "is required with buy");
            }
            else if (request.Buy is null && category.IncludedProducts.Count == 0 && category.IncludedCategories.Count == 0)
            {
                // A stored category of a two-set offer names no targeting: without the sets it would select nothing (docs/pricing-rules.md A12).
                errors.Add("category.includedProducts", $"{kind.WireName()} must name at least one included product or category, or give buy and get");
            }
        }

        return (ReadSet(request.Buy, "buy", errors), ReadSet(request.Get, "get", errors));
    }

    private static OfferUnitSet? ReadSet(UnitSetRequest? set, string field, ValidationErrors errors)
    {
        if (set is null)
        {
            return null;
        }

        if (set.Quantity is null)
        {
            errors.Add($"{field}.quantity", "is required: the units per application, at least 1");
        }
        else
        {
            CheckAtLeastOne(set.Quantity, $"{field}.quantity", errors);
        }

        var products = new List<string>();
        for (var i = 0; set.IncludedProducts is not null && i < set.IncludedProducts.Count; i++)
        {
            if (string.IsNullOrEmpty(set.IncludedProducts[i]))
            {
                errors.Add($"{field}.includedProducts[{i}]", "must be a non-empty string");
                continue;
            }

            products.Add(set.IncludedProducts[i]!);
        }

        var paths = new List<CategoryPath>();
        for (var i = 0; set.IncludedCategories is not null && i < set.IncludedCategories.Count; i++)
        {
            if (ReadPath(set.IncludedCategories[i], $"{field}.includedCategories[{i}].path", errors) is { } path)
            {
                paths.Add(path);
            }
        }

        if ((set.IncludedProducts?.Count ?? 0) == 0 && (set.IncludedCategories?.Count ?? 0) == 0)
        {
            errors.Add($"{field}.includedProducts", "must name at least one included product or category");
        }

        return set.Quantity is >= 1 ? new OfferUnitSet(set.Quantity.Value, products, paths) : null;
    }

    private static CategoryPath? ReadPath(CategoryPathRequest? entry, string field, ValidationErrors errors)
    {
        if (entry?.Path is not { } segments)
        {
            errors.Add(field, "must be an array of category names");
            return null;
        }

        var path = new List<string>(segments.Count);
        for (var s = 0; s < segments.Count; s++)
        {
            if (string.IsNullOrEmpty(segments[s]))
            {
                errors.Add($"{field}[{s}]", "must be a non-empty string");
                return null;
            }

            path.Add(segments[s]!);
        }

        return new CategoryPath(path);
    }

    private static List<OfferGift> ReadGifts(IReadOnlyList<GiftRequest?>? entries, OfferKind kind, ValidationErrors errors)
    {
        var gifts = new List<OfferGift>();
        if (!OfferKinds.IsGift(kind))
        {
            if (entries is { Count: > 0 })
            {
                errors.Add("gifts", "apply to FreeGift only");
            }

            return gifts;
        }

        if (entries is null || entries.Count == 0)
        {
            errors.Add("gifts", "FreeGift needs at least one {productId, quantity}");
            return gifts;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var path = $"gifts[{i}]";
            if (entries[i] is not { } entry)
            {
                errors.Add(path, "must be an object {productId, quantity}");
                continue;
            }

            if (string.IsNullOrEmpty(entry.ProductId))
            {
                errors.Add($"{path}.productId", "must be a non-empty string");
            }
            else if (gifts.Any(g => string.Equals(g.ProductId, entry.ProductId, StringComparison.Ordinal)))
            {
                errors.Add($"{path}.productId", $"{entry.ProductId} is listed twice");
            }
            else if (entry.Quantity is < 1)
            {
                errors.Add($"{path}.quantity", "must be at least 1");
            }
            else
            {
                gifts.Add(new OfferGift(entry.ProductId, entry.Quantity ?? 1));
            }
        }

        return gifts;
    }

    private static void RequireKind(bool allowed, string field, string kinds, ValidationErrors errors)
    {
        if (!allowed)
        {
            errors.Add(field, $"applies to {kinds} only");
        }
    }

    private static void CheckAtLeastOne(int? value, string field, ValidationErrors errors)
    {
        if (value is < 1)
        {
            errors.Add(field, "must be at least 1");
        }
    }
}
