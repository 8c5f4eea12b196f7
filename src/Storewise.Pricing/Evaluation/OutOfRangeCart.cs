namespace Storewise.Pricing;

/// <summary>
/// Prices a cart whose amounts exceed <see cref="MinorUnits.MaxCartMinorUnits"/> (far beyond any real cart, and refused
/// by the service's validation): no offer applies, every code is rejected with no_eligible_items, and the totals
/// saturate instead of overflowing, so the engine still never throws.
/// </summary>
internal static class OutOfRangeCart
{
    public static PricingResult Price(in EvaluationContext context, CartLineTable lines, PromotionCatalog catalog, bool explain)
    {
        var cart = context.Cart;
        var exponent = context.Exponent;
        var lineItems = lines.Items;
        var items = new PricedItem[lineItems.Length];
        decimal catalogTotal = 0;
        for (var line = 0; line < items.Length; line++)
        {
            var item = lineItems[line];
            var amount = Round(Multiply(item.Price, Math.Max(0, item.Quantity)), exponent);
            catalogTotal = Add(catalogTotal, amount);
            items[line] = new PricedItem(item, [], MinorUnits.ToDecimal(0, exponent), amount);
        }

        var shipping = cart.ShippingCost is { } cost ? Round(Math.Max(0m, cost), exponent) : 0m;
        var rejected = new List<RejectedCoupon>();
        var codes = cart.CouponCodes ?? [];
        for (var position = 0; position < codes.Count; position++)
        {
            if (!IsRepeat(codes, position))
            {
                rejected.Add(new RejectedCoupon(codes[position] ?? string.Empty, ReasonCodes.NoEligibleItems, RejectionMessages.For(ReasonCodes.NoEligibleItems)));
            }
        }

        List<NotAppliedPromotion>? notApplied = null;
        if (explain)
        {
            notApplied = new List<NotAppliedPromotion>(catalog.PromotionsByLowerId.Length);
            foreach (var offer in catalog.PromotionsByLowerId)
            {
                notApplied.Add(new NotAppliedPromotion(offer.Source, offer.Id, offer.Name, ReasonCodes.NoEligibleItems));
            }
        }

        return new PricingResult(items, catalogTotal, MinorUnits.ToDecimal(0, exponent), [], shipping, Add(catalogTotal, shipping), [.. rejected], notApplied);
    }

    private static bool IsRepeat(IReadOnlyList<string> codes, int position)
    {
        for (var earlier = 0; earlier < position; earlier++)
        {
            if (string.Equals(codes[earlier] ?? string.Empty, codes[position] ?? string.Empty, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static decimal Round(decimal amount, int exponent) => decimal.Round(amount, exponent, MidpointRounding.AwayFromZero);

    private static decimal Multiply(decimal price, int quantity) =>
        quantity != 0 && Math.Abs(price) > decimal.MaxValue / quantity
            ? (price < 0 ? decimal.MinValue : decimal.MaxValue)
            : price * quantity;

    private static decimal Add(decimal left, decimal right) =>
        right > 0 && left > decimal.MaxValue - right ? decimal.MaxValue
        : right < 0 && left < decimal.MinValue - right ? decimal.MinValue
        : left + right;
}
