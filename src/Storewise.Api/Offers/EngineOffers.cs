using Storewise.Pricing;

namespace Storewise.Api.Offers;

/// <summary>The one mapping from the service's offer model to the engine's.</summary>
public static class EngineOffers
{
    public static Offer From(OfferDocument offer)
    {
        var category = offer.Category;
        var isPercent = OfferKinds.IsPercent(category.OfferKind);
        return new Offer
        {
            Id = offer.Id,
            Source = offer.Type == OfferType.Coupon ? OfferSource.Coupon : OfferSource.Promotion,
            Name = offer.Name,
            Kind = category.OfferKind,
            Active = offer.Active,
            ValidFrom = offer.ValidFrom.Instant,
            ValidTo = offer.ValidTo?.Instant,
            CreatedAt = offer.CreatedAt,
            Currencies = offer.Currencies.Select(c => new CurrencyRule(c.Code, c.MinimumCartValue ?? 0m)).ToArray(),
            Stores = offer.Stores,
            Consumers = offer.Consumers,
            Segment = offer.Segment is null ? null : new Segment(offer.Segment.Key, offer.Segment.Value),
            Exclusive = offer.Exclusive,
            SingleUse = offer.SingleUse,
            Percent = isPercent ? category.Discount : null,
            Amounts = category.AmountsByCurrency,
            ScalarAmount = isPercent ? null : category.Discount,
            IncludedCategories = category.IncludedCategories.Select(c => c.Path).ToArray(),
            IncludedProducts = category.IncludedProducts,
            ExcludedProducts = category.ExcludedProducts,
            BuyQuantity = category.BuyQuantity ?? 0,
            GetQuantity = category.GetQuantity ?? 0,
            BundleProducts = category.Products.Select(p => new BundleItem(p.ProductId, p.Quantity)).ToArray(),
            UsageTerms = UsageTermsOf(offer),
        }.WithRewards(offer.Rewards);
    }

    // Only set fields change the engine's offer: one without rewards is the offer it always was.
    private static Offer WithRewards(this Offer offer, OfferRewards? rewards) => rewards is null ? offer : offer with
    {
        Tiers = rewards.Tiers.Select(t => new RewardTier
        {
            MinimumCartValue = t.MinimumCartValue ?? 0m,
            MinimumQuantity = t.MinimumQuantity ?? 0,
            Percent = offer.Percent is null ? null : t.Discount,
            Amounts = CurrencyAmount.ByCurrency(t.Discounts),
            ScalarAmount = offer.Percent is null ? t.Discount : null,
        }).ToArray(),
        MaxDiscount = CurrencyAmount.ByCurrency(rewards.MaxDiscount),
        MaxQuantity = rewards.MaxQuantity,
        Buy = UnitSetOf(rewards.Buy),
        Get = UnitSetOf(rewards.Get),
        GetMostExpensive = rewards.GetOrder == GetOrder.MostExpensive,
        MaxApplications = rewards.MaxApplications,
        Gifts = rewards.Gifts.Select(g => new GiftItem(g.ProductId, g.Quantity)).ToArray(),
        Priority = rewards.Priority ?? 0,
        StackingGroup = rewards.StackingGroup,
        StopFurther = rewards.StopFurther ?? false,
    };

    private static UnitSet? UnitSetOf(OfferUnitSet? set) =>
        set is null ? null : new UnitSet(set.Quantity, set.IncludedProducts, set.IncludedCategories.Select(c => c.Path).ToArray());

    private static UsageTerms? UsageTermsOf(OfferDocument offer)
    {
        if (offer.Limits is null && offer.Budget is null)
        {
            return null;
        }

        var budget = offer.Budget;
        return new UsageTerms
        {
            MaxRedemptions = offer.Limits?.MaxRedemptions,
            MaxRedemptionsPerCode = offer.Limits?.MaxRedemptionsPerCode,
            MaxRedemptionsPerCustomer = offer.Limits?.MaxRedemptionsPerCustomer,
            HasBudget = budget is not null,
            BudgetRedemptions = budget?.Redemptions,
            BudgetAmounts = (budget?.Amounts ?? []).ToDictionary(a => a.Currency, a => a.Amount, StringComparer.OrdinalIgnoreCase),
            BudgetPeriod = (budget?.Period ?? BudgetPeriod.Total).ToString().ToLowerInvariant(),
            BudgetPerStore = budget?.PerStore ?? false,
            TimeZone = offer.TimeZone,
        };
    }
}
