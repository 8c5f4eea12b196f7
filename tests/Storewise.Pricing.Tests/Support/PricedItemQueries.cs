namespace Storewise.Pricing.Tests;

/// <summary>Queries on priced lines shared by example and property tests.</summary>
internal static class PricedItemQueries
{
    public static decimal AmountFromOffer(this PricedItem item, string offerId)
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
}
