namespace Storewise.Api.Limits;

/// <summary>
/// What <see cref="UsageLedger.HoldAsync"/> came to: the first grant that found no room (the caller rolls back: all or
/// nothing), or null when all are held; and the budget grants whose hold left nothing of their budget for the first time.
/// </summary>
public sealed record LedgerHold(UsageGrant? Refused, IReadOnlyList<UsageGrant> Exhausted)
{
    public bool Held => Refused is null;
}
