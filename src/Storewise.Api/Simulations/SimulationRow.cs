namespace Storewise.Api.Simulations;

/// <summary>
/// One row of <c>simulations</c>. A class with setters, so Dapper converts SQLite's INTEGER and PostgreSQL's
/// integer types alike.
/// </summary>
public sealed class SimulationRow
{
    public string Tenant { get; set; } = "";

    public string Id { get; set; } = "";

    public string Status { get; set; } = "";

    public string Request { get; set; } = "";

    public long PositionAt { get; set; }

    public long PositionSeq { get; set; }

    public long Replayed { get; set; }

    public long Total { get; set; }

    public string? Tally { get; set; }

    public string? Error { get; set; }

    public long Attempts { get; set; }

    public string? LeaseOwner { get; set; }

    public long CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public long UpdatedAt { get; set; }

    public long? FinishedAt { get; set; }
}
