using Storewise.Api.Carts;
using Storewise.Api.Codes;
using Storewise.Pricing;

namespace Storewise.Api.Limits;

/// <summary>
/// What a priced cart takes of the limits of the offers it applies: one grant per counter of each limited offer, and
/// one use of each code it applies (held on the code, so a single-use or per-code-limited code is not promised twice).
/// </summary>
public static class UsageGrants
{
    public static List<UsageGrant> Of(UsagePricedCart priced, Pricing.Cart cart)
    {
        var grants = new List<UsageGrant>();
        var exponent = CurrencyMinorUnits.GetExponentOrDefault(cart.Currency);
        foreach (var (offerId, (amount, code)) in Applied(priced.Result))
        {
            var key = code is null ? null : CodeText.Key(code);
            var hasCounters = priced.Usage.Counters.TryGetValue(offerId, out var counters);
            if (key is not null && priced.Catalog.FindCoupon(offerId) is { } coupon)
            {
                grants.Add(new UsageGrant(
                    offerId, UsageCounters.CodePrefix + key, 1, CodeCapacity(coupon), key, counters?.CustomerKey, cart.StoreId, counters?.Period ?? BudgetPeriods.TotalKey));
            }

            if (!hasCounters || !priced.Usage.Capacities.TryGetValue(offerId, out var capacities))
            {
                continue; // no usage limits
            }

            foreach (var (counter, capacity) in capacities)
            {
                var taken = counter == counters!.MoneyCounter ? MinorAmounts.ToMinor(amount, exponent) : 1;
                grants.Add(new UsageGrant(offerId, counter, taken, capacity, key, counters.CustomerKey, cart.StoreId, counters.Period));
            }
        }

        return grants;
    }

    /// <summary>The most uses a code of <paramref name="coupon"/> may have: 1 when single-use, its per-code limit, or unbounded.</summary>
    public static long CodeCapacity(Offer coupon) =>
        coupon.SingleUse ? 1 : coupon.UsageTerms?.MaxRedemptionsPerCode ?? long.MaxValue;

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
}
