using Storewise.Pricing;

namespace Storewise.Api.Limits;

/// <summary>
/// The counters an offer's limits are kept in, by name (<c>usage_counters.counter</c>): <c>offer</c>,
/// <c>customer:&lt;id&gt;</c>, <c>uses:&lt;store&gt;:&lt;period&gt;</c> and <c>money:&lt;store&gt;:&lt;period&gt;:&lt;currency&gt;</c>,
/// where the store is empty unless the budget is per store. One cart meets at most one counter of each kind per offer.
/// </summary>
public static class UsageCounters
{
    public const string Offer = "offer";
    public const string CustomerPrefix = "customer:";
    public const string UsesPrefix = "uses:";
    public const string MoneyPrefix = "money:";
    public const string CodePrefix = "code:";

    /// <summary>The counters of <paramref name="terms"/> a cart priced at <paramref name="at"/> uses, each with its configured limit (uses, or minor units).</summary>
    public static OfferCounters Of(UsageTerms terms, Pricing.Cart cart, DateTimeOffset at)
    {
        var period = BudgetPeriods.TryParse(terms.BudgetPeriod, out var parsed) ? parsed : Offers.BudgetPeriod.Total;
        var (key, start, end) = BudgetPeriods.Of(period, terms.TimeZone, at);
        var store = terms.BudgetPerStore ? cart.StoreId ?? string.Empty : string.Empty;
        var customer = CustomerKeys.Of(cart.CustomerId);
        string? money = null;
        long? moneyLimit = null;
        var exponent = CurrencyMinorUnits.GetExponentOrDefault(cart.Currency);
        if (terms.BudgetAmounts.TryGetValue(cart.Currency, out var amount))
        {
            money = $"{MoneyPrefix}{store}:{key}:{cart.Currency.ToUpperInvariant()}";
            moneyLimit = (long)decimal.Floor(amount * Pow10(exponent));
        }

        return new OfferCounters(
            key,
            start,
            end,
            store,
            customer,
            terms.MaxRedemptions is null ? null : Offer,
            terms.MaxRedemptionsPerCustomer is null || customer is null ? null : CustomerPrefix + customer,
            terms.BudgetRedemptions is null ? null : $"{UsesPrefix}{store}:{key}",
            money,
            moneyLimit,
            exponent);
    }

    private static decimal Pow10(int exponent)
    {
        var scale = 1m;
        for (var i = 0; i < exponent; i++)
        {
            scale *= 10m;
        }

        return scale;
    }
}

/// <summary>The counters one cart uses of one offer; a counter the offer has no limit for is null.</summary>
public sealed record OfferCounters(
    string Period,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    string Store,
    string? CustomerKey,
    string? OfferCounter,
    string? CustomerCounter,
    string? UsesCounter,
    string? MoneyCounter,
    long? MoneyLimitMinor,
    int Exponent)
{
    public IEnumerable<string> Names =>
        new[] { OfferCounter, CustomerCounter, UsesCounter, MoneyCounter }.Where(n => n is not null)!;
}
