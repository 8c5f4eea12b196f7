namespace Storewise.Api.Limits;

/// <summary>
/// What <see cref="UsageLedger.HoldAsync"/> came to: the first grant that found no room (the caller rolls back: all or
/// nothing), or null when all are held; the budget grants whose hold left nothing of their budget for the first time;
/// and whether the statement sent first returned no row, in which case nothing was tried.
/// </summary>
public sealed record LedgerHold(UsageGrant? Refused, IReadOnlyList<UsageGrant> Exhausted, bool FirstRefused = false)
{
    public bool Held => Refused is null && !FirstRefused;
}
