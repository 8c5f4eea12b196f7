using System.Globalization;
using System.Text;

namespace Storewise.Pricing.Tests.Properties;

/// <summary>Canonical texts of inputs and results, so whole values can be compared and printed on failure.</summary>
internal static class Describe
{
    public static string Cart(Cart cart)
    {
        var text = new StringBuilder();
        text.Append(Invariant($"cart {cart.Currency} customer={cart.CustomerId} store={cart.StoreId} shipping={cart.ShippingCost} codes=[{string.Join(",", cart.CouponCodes)}]"));
        if (cart.CustomerAttributes is not null)
        {
            foreach (var (key, value) in cart.CustomerAttributes.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                text.Append(Invariant($" {key}={value}"));
            }
        }

        foreach (var item in cart.Items)
        {
            text.Append(Invariant($"\n  {item.Id} {item.ProductId} {item.Quantity} x {item.Price} {Paths(item.Categories)}"));
        }

        return text.ToString();
    }

    public static string Offer(Offer offer)
    {
        var amounts = string.Join(",", offer.Amounts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Invariant($"{p.Key}:{p.Value}")));
        var currencies = string.Join(",", offer.Currencies.Select(c => Invariant($"{c.Code}>={c.MinimumCartValue}")));
        var bundle = string.Join(",", offer.BundleProducts.Select(b => Invariant($"{b.ProductId}:{b.Quantity}")));
        return Invariant($"{offer.Source} {offer.Id} {offer.Kind} active={offer.Active} excl={offer.Exclusive} single={offer.SingleUse} ")
            + Invariant($"from={offer.ValidFrom:O} to={offer.ValidTo:O} created={offer.CreatedAt:O} pct={offer.Percent} amounts=[{amounts}] scalar={offer.ScalarAmount} ")
            + Invariant($"cur=[{currencies}] stores=[{string.Join(",", offer.Stores)}] consumers=[{string.Join(",", offer.Consumers)}] seg={offer.Segment} ")
            + Invariant($"inc=[{string.Join(",", offer.IncludedProducts)}] cats={Paths(offer.IncludedCategories)} exc=[{string.Join(",", offer.ExcludedProducts)}] ")
            + Invariant($"buy={offer.BuyQuantity} get={offer.GetQuantity} bundle=[{bundle}]")
            + Rewards(offer);
    }

    private static string Rewards(Offer offer)
    {
        var tiers = string.Join(",", offer.Tiers.Select(t => Invariant($"{t.MinimumCartValue}/{t.MinimumQuantity}:{t.Percent}:{t.ScalarAmount}:{Amounts(t.Amounts)}")));
        var gifts = string.Join(",", offer.Gifts.Select(g => Invariant($"{g.ProductId}:{g.Quantity}")));
        return Invariant($" tiers=[{tiers}] max=[{Amounts(offer.MaxDiscount)}] maxQty={offer.MaxQuantity} buySet={Set(offer.Buy)} getSet={Set(offer.Get)} ")
            + Invariant($"dear={offer.GetMostExpensive} apps={offer.MaxApplications} gifts=[{gifts}] prio={offer.Priority} group={offer.StackingGroup} stop={offer.StopFurther}");
    }

    private static string Amounts(IReadOnlyDictionary<string, decimal> amounts) =>
        string.Join(",", amounts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Invariant($"{p.Key}:{p.Value}")));

    private static string Set(UnitSet? set) =>
        set is null ? "-" : Invariant($"{set.Quantity}x[{string.Join(",", set.IncludedProducts)}]{Paths(set.IncludedCategories)}");

    /// <summary>The result with items in request order, or sorted by line id when comparing across item orders.</summary>
    public static string Result(PricingResult result, bool itemsById = false)
    {
        var text = new StringBuilder();
        IEnumerable<PricedItem> items = result.Items;
        if (itemsById)
        {
            items = items.OrderBy(i => i.Item.Id, StringComparer.Ordinal);
        }

        foreach (var item in items)
        {
            text.Append(Invariant($"{item.Item.Id}: -{item.TotalDiscount} = {item.Total}"));
            foreach (var discount in item.Discounts)
            {
                text.Append(' ').Append(Entry(discount));
            }

            text.Append('\n');
        }

        text.Append(Invariant($"catalog {result.CatalogTotal} discount {result.DiscountTotal} shipping {result.ShippingTotal} total {result.Total}\n"));
        foreach (var discount in result.ShippingDiscounts)
        {
            text.Append("ship ").Append(Entry(discount)).Append('\n');
        }

        foreach (var rejected in result.RejectedCoupons)
        {
            text.Append(Invariant($"rejected {rejected.Code} {rejected.Reason}\n"));
        }

        foreach (var added in result.AddedItems)
        {
            text.Append(Invariant($"added {added.ProductId} {added.Quantity} by {added.Source} {added.OfferId} {added.CouponCode}\n"));
        }

        foreach (var entry in result.NotApplied ?? [])
        {
            text.Append(Invariant($"not applied {entry.Source} {entry.Id} {entry.Name} {entry.Reason}\n"));
        }

        return text.ToString();
    }

    private static string Entry(AppliedDiscount d) =>
        Invariant($"[{d.Source} {d.Id} {d.CouponCode} {d.Name} {d.Kind} {d.Level} {d.Value} {d.Amount} {d.Exclusive}]");

    private static string Paths(IReadOnlyList<IReadOnlyList<string>> paths) =>
        "[" + string.Join(";", paths.Select(p => string.Join("/", p))) + "]";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
