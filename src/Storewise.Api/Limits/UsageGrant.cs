namespace Storewise.Api.Limits;

/// <summary>
/// One ledger row: what a reservation takes of one counter of one offer (<paramref name="Amount"/> uses, or minor
/// units for a money counter), and the most that counter may reach (<paramref name="Capacity"/>).
/// </summary>
public sealed record UsageGrant(
    string OfferId, string Counter, long Amount, long Capacity, string? Code, string? CustomerKey, string? StoreId, string Period);
