using System.Text.Json.Serialization;
using Storewise.Api.Events;
using Storewise.Pricing;

namespace Storewise.Api.Limits;

/// <summary>
/// The data of a <c>budget.exhausted</c> event: which budget of which offer has nothing left — the money of one
/// currency or the count, of one period (and store, for a per-store budget). Written once per budget counter, by the
/// transaction whose grant used up what was left (docs/events.md).
/// </summary>
public sealed record BudgetExhaustion(
    [property: JsonPropertyName("offerId")] string OfferId,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("period")] string Period,
    [property: JsonPropertyName("storeId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StoreId,
    [property: JsonPropertyName("currency"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Currency,
    [property: JsonPropertyName("granted")] decimal Granted)
{
    /// <summary>The event of a budget counter that <paramref name="grant"/> filled.</summary>
    public static OutboxEvent Event(string tenant, UsageGrant grant, DateTimeOffset at)
    {
        // Counter names: uses:<store>:<period> and money:<store>:<period>:<currency> (UsageCounters).
        var parts = grant.Counter.Split(':');
        var money = grant.Counter.StartsWith(UsageCounters.MoneyPrefix, StringComparison.Ordinal);
        var currency = money ? parts[^1] : null;
        var granted = money ? MinorAmounts.ToMoney(grant.Capacity, CurrencyMinorUnits.GetExponentOrDefault(currency!)) : grant.Capacity;
        var data = new BudgetExhaustion(grant.OfferId, money ? "money" : "redemptions", parts[2], parts[1].Length == 0 ? null : parts[1], currency, granted);
        return OutboxEvent.Create(EventTypes.BudgetExhausted, tenant, grant.OfferId, at, data);
    }
}
