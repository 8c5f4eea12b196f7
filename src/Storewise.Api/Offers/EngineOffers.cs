using System.Globalization;
using Storewise.Api.Common;
using Storewise.Api.PromotionsConfiguration;
using Storewise.Pricing;

namespace Storewise.Api.Offers;

/// <summary>The one mapping from the service's offer model to the engine's.</summary>
public static class EngineOffers
{
    /// <summary>Maps <paramref name="offer"/> with the default reading of <c>localizedTimezone</c> (UTC).</summary>
    public static Offer From(OfferDocument offer) => From(offer, LocalizedTimezoneReading.Utc);

    /// <summary>
    /// Maps <paramref name="offer"/>; <paramref name="reading"/> is the tenant's meaning of <c>localizedTimezone: true</c>
    /// for offers without a <c>timeZone</c> (docs/pricing-semantics.md, "Time and audience").
    /// </summary>
    public static Offer From(OfferDocument offer, LocalizedTimezoneReading reading)
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
            ValidFrom = InstantOf(offer, offer.ValidFrom),
            ValidTo = offer.ValidTo is null ? null : InstantOf(offer, offer.ValidTo),
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
            Zone = ZoneOf(offer),
            StoreLocal = IsStoreLocal(offer, reading),
            StoreLocalValidity = IsStoreLocal(offer, reading) ? StoreLocalValidityOf(offer) : null,
            Schedule = ScheduleOf(offer),
            ChannelTypes = offer.ChannelTypes ?? [],
            CustomerConditions = offer.CustomerConditions is { } conditions
                ? new CustomerConditions([.. conditions.AllOf.Select(ConditionOf)], [.. conditions.AnyOf.Select(ConditionOf)])
                : null,
            MinimumQuantity = offer.MinimumQuantity ?? 0,
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

    /// <summary>
    /// The instant of a validity end: with <c>localizedTimezone: true</c> and a <c>timeZone</c>, a naive time is
    /// read in that zone; otherwise as UTC (docs/decisions/0103-validity-times.md).
    /// </summary>
    public static DateTimeOffset InstantOf(OfferDocument offer, ValidityTime time) =>
        !time.HasOffset && offer.LocalizedTimezone == true && ZoneOf(offer) is { } zone
            ? ZoneTimes.ToInstant(time.Instant.UtcDateTime, zone)
            : time.Instant;

    /// <summary>The offer's schedule windows as the engine judges them; empty when it has none.</summary>
    public static IReadOnlyList<ScheduleWindow> ScheduleOf(OfferDocument offer) =>
        offer.Schedule is { } windows
            ? [.. windows.Select(w => new ScheduleWindow([.. w.Days.Select(DayOf)], Clock(w.From), Clock(w.To)))]
            : [];

    /// <summary>The offer's own zone, or null.</summary>
    public static TimeZoneInfo? ZoneOf(OfferDocument offer) =>
        offer.TimeZone is not null && IanaZones.TryFind(offer.TimeZone, out var zone) ? zone : null;

    private static bool IsStoreLocal(OfferDocument offer, LocalizedTimezoneReading reading) =>
        reading == LocalizedTimezoneReading.StoreLocal && offer.LocalizedTimezone == true && offer.TimeZone is null;

    private static StoreLocalValidity? StoreLocalValidityOf(OfferDocument offer)
    {
        DateTime? from = offer.ValidFrom.HasOffset ? null : offer.ValidFrom.Instant.UtcDateTime;
        DateTime? to = offer.ValidTo is { HasOffset: false } end ? end.Instant.UtcDateTime : null;
        return from is null && to is null ? null : new StoreLocalValidity(from, to);
    }

    private static DayOfWeek DayOf(ScheduleDay day) => day == ScheduleDay.Sun ? DayOfWeek.Sunday : (DayOfWeek)((int)day + 1);

    private static TimeOnly Clock(string text) => TimeOnly.ParseExact(text, "HH':'mm", CultureInfo.InvariantCulture);

    private static AttributeCondition ConditionOf(OfferAttributeCondition condition) =>
        new(condition.Key, condition.Values ?? (condition.Value is null ? [] : [condition.Value]));

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
