namespace Storewise.Pricing.Tests.Support;

/// <summary>Short ways to read a result in assertions.</summary>
internal static class ResultQueries
{
    public static PricedItem Line(this PricingResult result, string lineId)
    {
        foreach (var item in result.Items)
        {
            if (item.Item.Id == lineId)
            {
                return item;
            }
        }

        throw new InvalidOperationException("No line " + lineId);
    }

    public static decimal[] Amounts(this PricedItem item)
    {
        var amounts = new decimal[item.Discounts.Count];
        for (var i = 0; i < amounts.Length; i++)
        {
            amounts[i] = item.Discounts[i].Amount;
        }

        return amounts;
    }

    public static decimal AmountFrom(this PricedItem item, string offerId)
    {
        decimal sum = 0;
        foreach (var discount in item.Discounts)
        {
            if (discount.Id == offerId)
            {
                sum += discount.Amount;
            }
        }

        return sum;
    }

    public static string? ReasonFor(this PricingResult result, string promotionId)
    {
        foreach (var entry in result.NotApplied ?? [])
        {
            if (entry.Id == promotionId)
            {
                return entry.Reason;
            }
        }

        return null;
    }

    public static string? RejectionOf(this PricingResult result, string code)
    {
        foreach (var rejected in result.RejectedCoupons)
        {
            if (rejected.Code == code)
            {
                return rejected.Reason;
            }
        }

        return null;
    }

    public static bool Applied(this PricingResult result, string offerId)
    {
        foreach (var item in result.Items)
        {
            foreach (var discount in item.Discounts)
            {
                if (discount.Id == offerId)
                {
                    return true;
                }
            }
        }

        foreach (var discount in result.ShippingDiscounts)
        {
            if (discount.Id == offerId)
            {
                return true;
            }
        }

        return false;
    }
}
