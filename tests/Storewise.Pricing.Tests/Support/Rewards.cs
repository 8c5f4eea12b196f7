namespace Storewise.Pricing.Tests.Support;

/// <summary>Builders for the reward and stacking fields of an offer (docs/pricing-semantics.md, "Rewards and stacking").</summary>
internal static class Rewards
{
    public static RewardTier CartTier(decimal minimumCartValue, decimal percent) => new() { MinimumCartValue = minimumCartValue, Percent = percent };

    public static RewardTier CartTierAmount(decimal minimumCartValue, decimal amount, string currency = "EUR") =>
        new() { MinimumCartValue = minimumCartValue, Amounts = new Dictionary<string, decimal> { [currency] = amount } };

    public static RewardTier VolumeTier(int minimumQuantity, decimal percent) => new() { MinimumQuantity = minimumQuantity, Percent = percent };

    public static Offer WithTiers(this Offer offer, params RewardTier[] tiers) => offer with { Tiers = tiers };

    public static Offer MaxDiscount(this Offer offer, decimal amount, string currency = "EUR") =>
        offer with { MaxDiscount = new Dictionary<string, decimal> { [currency] = amount } };

    public static Offer MaxQuantity(this Offer offer, int units) => offer with { MaxQuantity = units };

    public static Offer BuyFrom(this Offer offer, int quantity, params string[] products) =>
        offer with { Buy = new UnitSet(quantity, products, []) };

    public static Offer GetFrom(this Offer offer, int quantity, params string[] products) =>
        offer with { Get = new UnitSet(quantity, products, []) };

    public static Offer MostExpensiveFirst(this Offer offer) => offer with { GetMostExpensive = true };

    public static Offer MaxApplications(this Offer offer, int applications) => offer with { MaxApplications = applications };

    public static Offer Gift(string id, params (string ProductId, int Quantity)[] gifts)
    {
        var items = new GiftItem[gifts.Length];
        for (var i = 0; i < gifts.Length; i++)
        {
            items[i] = new GiftItem(gifts[i].ProductId, gifts[i].Quantity);
        }

        return new Offer
        {
            Id = id,
            Source = OfferSource.Promotion,
            Name = "Offer " + id,
            Kind = OfferKind.FreeGift,
            Active = true,
            ValidFrom = Offers.LongAgo,
            CreatedAt = Offers.LongAgo,
            Currencies = [new CurrencyRule("EUR", 0m)],
            Gifts = items,
        };
    }

    public static Offer Priority(this Offer offer, int priority) => offer with { Priority = priority };

    public static Offer InGroup(this Offer offer, string group) => offer with { StackingGroup = group };

    public static Offer StopFurther(this Offer offer) => offer with { StopFurther = true };
}
