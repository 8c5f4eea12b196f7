using Storewise.Pricing;

namespace Storewise.Api.Carts;

/// <summary>Turns the engine's result into the wire shape, money at the currency's minor unit.</summary>
public static class CartResponseMapper
{
    public static DiscountedCartResponse Map(CartRequest request, Pricing.Cart cart, PricingResult result)
    {
        var exponent = CurrencyMinorUnits.GetExponentOrDefault(cart.Currency);
        decimal M(decimal amount) => Money.Normalise(amount, exponent);

        var items = new DiscountedItem[result.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var priced = result.Items[i];
            items[i] = new DiscountedItem
            {
                Id = priced.Item.Id,
                ProductId = priced.Item.ProductId,
                Quantity = priced.Item.Quantity,
                Price = M(priced.Item.Price),
                Categories = request.Items![i]!.Categories,
                Name = priced.Item.Name,
                Discounts = Entries(priced.Discounts, exponent),
                TotalDiscount = M(priced.TotalDiscount),
                Total = M(priced.Total),
            };
        }

        return new DiscountedCartResponse
        {
            CustomerId = request.CustomerId,
            ChannelType = request.ChannelType,
            Currency = request.Currency!,
            CouponCodes = request.CouponCodes,
            StoreId = request.StoreId,
            ShopId = request.ShopId,
            Locale = request.Locale,
            Items = items,
            ShippingCost = request.ShippingCost is { } shipping ? M(shipping) : null,
            CustomerAttributes = request.CustomerAttributes,
            EvaluatedAt = request.EvaluatedAt,
            CatalogTotal = M(result.CatalogTotal),
            DiscountTotal = M(result.DiscountTotal),
            ShippingDiscounts = Entries(result.ShippingDiscounts, exponent),
            ShippingTotal = M(result.ShippingTotal),
            Total = M(result.Total),
            RejectedCoupons = result.RejectedCoupons.Select(r => new RejectedCouponEntry(r.Code, r.Reason, r.Message)).ToArray(),
            NotApplied = result.NotApplied?.Select(n => new NotAppliedEntry(Source(n.Source), n.Id, n.Name, n.Reason, HintEntry.From(n.Hint, exponent))).ToArray(),
            Usage = result.Usage is { Count: > 0 } usage ? usage.Select(u => UsageOf(u, exponent)).ToArray() : null,
            AddedItems = result.AddedItems.Count > 0
                ? result.AddedItems.Select(a => new AddedCartItem(a.ProductId, a.Quantity, M(0m), Source(a.Source), a.OfferId, a.CouponCode, a.OfferName)).ToArray()
                : null,
            StoreTime = result.StoreTime is { } storeTime ? new StoreTimeEntry(storeTime.StoreId, storeTime.TimeZone, storeTime.Fallback) : null,
            NextTiers = result.NextTiers.Count > 0
                ? result.NextTiers.Select(n => new NextTierEntry(Source(n.Source), n.Id, n.CouponCode, n.Name, HintEntry.From(n.Hint, exponent)!)).ToArray()
                : null,
        };
    }

    /// <summary>The wire shape of an offer's usage state; null when it has none.</summary>
    public static UsageEntry? UsageOf(OfferSource source, string id, OfferUsage? usage, int exponent) =>
        usage is null ? null : UsageOf(new OfferUsageReport(source, id, usage), exponent);

    private static UsageEntry UsageOf(OfferUsageReport report, int exponent) => new()
    {
        Source = Source(report.Source),
        Id = report.Id,
        RemainingRedemptions = report.Usage.RemainingRedemptions,
        RemainingCustomerRedemptions = report.Usage.RemainingCustomerRedemptions,
        RemainingBudgetRedemptions = report.Usage.RemainingBudgetRedemptions,
        RemainingBudget = report.Usage.RemainingBudget is { } money ? Money.Normalise(money, exponent) : null,
    };

    // A loop rather than Select: it runs for every line of every cart.
    private static DiscountEntry[] Entries(IReadOnlyList<AppliedDiscount> discounts, int exponent)
    {
        if (discounts.Count == 0)
        {
            return [];
        }

        var entries = new DiscountEntry[discounts.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = Entry(discounts[i], exponent);
        }

        return entries;
    }

    private static DiscountEntry Entry(AppliedDiscount discount, int exponent) => new(
        Source(discount.Source),
        discount.Id,
        discount.CouponCode,
        discount.Name,
        discount.Kind.WireName(),
        discount.Level,
        OfferKinds.IsPercent(discount.Kind) ? discount.Value : Money.Normalise(discount.Value, exponent),
        Money.Normalise(discount.Amount, exponent),
        discount.Exclusive);

    public static string Source(OfferSource source) => source == OfferSource.Coupon ? "coupon" : "promotion";
}
