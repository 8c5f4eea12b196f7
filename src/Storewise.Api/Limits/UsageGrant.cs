namespace Storewise.Api.Limits;

/// <summary>
/// One ledger row: what a hold takes of one counter of one offer (<paramref name="Amount"/> uses, or minor units for
/// a money counter), and the most that counter may reach (<paramref name="Capacity"/>). A <c>code:&lt;key&gt;</c>
/// counter is the code's own row in <c>coupon_codes</c> (its redemptions plus its held uses).
/// </summary>
public sealed record UsageGrant(
    string OfferId, string Counter, long Amount, long Capacity, string? Code, string? CustomerKey, string? StoreId, string Period)
{
    /// <summary>Whether this grant holds a use of a code rather than a counter of <c>usage_counters</c>.</summary>
    public bool IsCode => Counter.StartsWith(UsageCounters.CodePrefix, StringComparison.Ordinal);

    /// <summary>Whether this grant moves a budget (a count or money per period), whose filling is announced once.</summary>
    public bool IsBudget =>
        Counter.StartsWith(UsageCounters.UsesPrefix, StringComparison.Ordinal) || Counter.StartsWith(UsageCounters.MoneyPrefix, StringComparison.Ordinal);
}
