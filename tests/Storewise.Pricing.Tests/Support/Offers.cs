namespace Storewise.Pricing.Tests.Support;

/// <summary>Builders for offers used by the example tests: active, current, EUR, created a month ago.</summary>
internal static class Offers
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset LongAgo = Now.AddDays(-30);

    public static Offer Percent(string id, OfferKind kind, decimal percent, OfferSource source = OfferSource.Promotion) => new()
    {
        Id = id,
        Source = source,
        Name = "Offer " + id,
        Kind = kind,
        Active = true,
        ValidFrom = LongAgo,
        CreatedAt = LongAgo,
        Currencies = [new CurrencyRule("EUR", 0m)],
        Percent = percent,
    };

    public static Offer Fixed(string id, OfferKind kind, decimal amount, OfferSource source = OfferSource.Promotion, string currency = "EUR") => new()
    {
        Id = id,
        Source = source,
        Name = "Offer " + id,
        Kind = kind,
        Active = true,
        ValidFrom = LongAgo,
        CreatedAt = LongAgo,
        Currencies = [new CurrencyRule(currency, 0m)],
        Amounts = new Dictionary<string, decimal> { [currency] = amount },
    };

    public static Offer OnProducts(this Offer offer, params string[] productIds) => offer with { IncludedProducts = productIds };

    public static Offer OnCategories(this Offer offer, params string[][] paths) => offer with { IncludedCategories = paths };

    public static Offer BuyGet(this Offer offer, int buy, int get) => offer with { BuyQuantity = buy, GetQuantity = get };

    public static Offer Bundle(this Offer offer, params (string ProductId, int Quantity)[] products)
    {
        var items = new BundleItem[products.Length];
        for (var i = 0; i < products.Length; i++)
        {
            items[i] = new BundleItem(products[i].ProductId, products[i].Quantity);
        }

        return offer with { BundleProducts = items };
    }

    public static Offer AsCoupon(this Offer offer) => offer with { Source = OfferSource.Coupon };

    public static Offer Exclusive(this Offer offer) => offer with { Exclusive = true };

    public static Offer Created(this Offer offer, DateTimeOffset createdAt) => offer with { CreatedAt = createdAt };

    public static Offer InCurrencies(this Offer offer, params CurrencyRule[] currencies) => offer with { Currencies = currencies };

    /// <summary>A schedule of one window in <paramref name="timeZone"/> (null: the store's zone when store-local, else UTC).</summary>
    public static Offer Scheduled(this Offer offer, string? timeZone, string from, string to, params DayOfWeek[] days) => offer with
    {
        Zone = timeZone is null ? null : TimeZoneInfo.FindSystemTimeZoneById(timeZone),
        Schedule = [new ScheduleWindow(days, TimeOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture))],
    };

    public static Offer WithMinimum(this Offer offer, decimal minimumCartValue) => offer with { Currencies = [new CurrencyRule("EUR", minimumCartValue)] };

    public static Offer Limited(this Offer offer, UsageTerms terms) => offer with { UsageTerms = terms };

    /// <summary>A money budget in EUR (period and store do not matter to the engine: the usage state carries what is left).</summary>
    public static Offer WithBudget(this Offer offer, decimal amount) =>
        offer with { UsageTerms = new UsageTerms { HasBudget = true, BudgetAmounts = new Dictionary<string, decimal> { ["EUR"] = amount } } };
}
