namespace Storewise.Api.Limits;

/// <summary>
/// What <see cref="UsageLedger.HoldAsync"/> came to: the first grant that found no room (the caller rolls back: all or
/// nothing), or null when all are held; the budget grants whose hold left nothing of their budget for the first time;
/// whether the statement sent first returned no row, in which case nothing was tried; and the deliveries the events
/// sent with the hold fanned out to.
/// </summary>
public sealed record LedgerHold(UsageGrant? Refused, IReadOnlyList<UsageGrant> Exhausted, bool FirstRefused = false, int Deliveries = 0)
{
    public bool Held => Refused is null && !FirstRefused;
}
