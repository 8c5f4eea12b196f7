using Storewise.Api.Carts;
using Storewise.Api.Codes;
using Storewise.Pricing;

namespace Storewise.Api.Limits;

/// <summary>What a priced cart takes of the limits of the offers it applies: one grant per counter of each limited offer.</summary>
public static class UsageGrants
{
    public static List<UsageGrant> Of(UsagePricedCart priced, Pricing.Cart cart)
    {
        var grants = new List<UsageGrant>();
        var exponent = CurrencyMinorUnits.GetExponentOrDefault(cart.Currency);
        foreach (var (offerId, (amount, code)) in Applied(priced.Result))
        {
            if (!priced.Usage.Counters.TryGetValue(offerId, out var counters) || !priced.Usage.Capacities.TryGetValue(offerId, out var capacities))
            {
                continue; // no usage limits
            }

            foreach (var (counter, capacity) in capacities)
            {
                var taken = counter == counters.MoneyCounter ? ToMinor(amount, exponent) : 1;
                grants.Add(new UsageGrant(
                    offerId, counter, taken, capacity, code is null ? null : CodeText.Key(code), counters.CustomerKey, cart.StoreId, counters.Period));
            }
        }

        return grants;
    }

    // Per offer: the money it gave (items and shipping) and the code it came with.
    private static Dictionary<string, (decimal Amount, string? Code)> Applied(PricingResult result)
    {
        var applied = new Dictionary<string, (decimal Amount, string? Code)>(StringComparer.Ordinal);
        foreach (var discount in result.Items.SelectMany(i => i.Discounts).Concat(result.ShippingDiscounts))
        {
            var (sum, code) = applied.GetValueOrDefault(discount.Id);
            applied[discount.Id] = (sum + discount.Amount, code ?? discount.CouponCode);
        }

        return applied;
    }

    private static long ToMinor(decimal amount, int exponent)
    {
        for (var i = 0; i < exponent; i++)
        {
            amount *= 10m;
        }

        return (long)amount;
    }
}
