namespace Storewise.Api.Simulations;

/// <summary>A simulation as the API shows it (docs/decisions/0704-simulations.md).</summary>
/// <param name="Id">The job's id.</param>
/// <param name="Status">QUEUED, RUNNING, DONE, FAILED or CANCELLED.</param>
/// <param name="From">Start of the replayed range, inclusive (RFC 3339, UTC).</param>
/// <param name="To">End of the replayed range, exclusive.</param>
/// <param name="Stores">The store filter; empty means every store.</param>
/// <param name="Progress">Carts replayed so far, of the carts in range when the job was created.</param>
/// <param name="Error">Why the job failed; null otherwise.</param>
/// <param name="CreatedAt">When the job was created.</param>
/// <param name="CreatedBy">The user (token <c>sub</c>) who created it.</param>
/// <param name="UpdatedAt">Its last progress.</param>
/// <param name="FinishedAt">When it reached a final state; null before.</param>
/// <param name="Results">Per currency, when DONE (so far, while RUNNING); null before the first batch.</param>
public sealed record SimulationResource(
    string Id,
    string Status,
    string From,
    string To,
    IReadOnlyList<string> Stores,
    SimulationProgress Progress,
    string? Error,
    string CreatedAt,
    string CreatedBy,
    string UpdatedAt,
    string? FinishedAt,
    IReadOnlyList<CurrencyOutcome>? Results);

/// <summary>How far a simulation is.</summary>
/// <param name="Replayed">Carts priced twice so far.</param>
/// <param name="Total">Carts in the range and stores when the job was created.</param>
public sealed record SimulationProgress(long Replayed, long Total);

/// <summary>The outcome in one currency.</summary>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="CartsReplayed">Carts of this currency replayed.</param>
/// <param name="CartsChanged">Carts whose total differs with the change.</param>
/// <param name="DiscountBefore">Total taken off (lines and shipping) with the catalogue as it is.</param>
/// <param name="DiscountAfter">The same with the change.</param>
/// <param name="Offers">Per offer that applied to any cart, before or after, ordered by id.</param>
/// <param name="TopChanges">The carts whose total changed most, largest change first (at most 20).</param>
public sealed record CurrencyOutcome(
    string Currency, long CartsReplayed, long CartsChanged, decimal DiscountBefore, decimal DiscountAfter,
    IReadOnlyList<OfferOutcome> Offers, IReadOnlyList<ChangedCart> TopChanges);

/// <summary>One offer's reach and cost in one currency.</summary>
/// <param name="Id">The offer's id (<c>preview-&lt;i&gt;</c> for an inline one without an id).</param>
/// <param name="Name">Its name.</param>
/// <param name="Source">promotion or coupon.</param>
/// <param name="CartsBefore">Carts it applied to as the catalogue is.</param>
/// <param name="CartsAfter">Carts it applied to with the change.</param>
/// <param name="AmountBefore">What it took off as the catalogue is.</param>
/// <param name="AmountAfter">What it took off with the change.</param>
public sealed record OfferOutcome(string Id, string Name, string Source, long CartsBefore, long CartsAfter, decimal AmountBefore, decimal AmountAfter);

/// <summary>A cart whose total the change moved.</summary>
/// <param name="LoggedAt">When it was priced (RFC 3339, UTC).</param>
/// <param name="StoreId">Its store, if any.</param>
/// <param name="CustomerId">Its customer, if any.</param>
/// <param name="TotalBefore">Its total as the catalogue is.</param>
/// <param name="TotalAfter">Its total with the change.</param>
/// <param name="DiscountBefore">What was taken off as the catalogue is.</param>
/// <param name="DiscountAfter">What was taken off with the change.</param>
public sealed record ChangedCart(
    string LoggedAt, string? StoreId, string? CustomerId, decimal TotalBefore, decimal TotalAfter, decimal DiscountBefore, decimal DiscountAfter);
