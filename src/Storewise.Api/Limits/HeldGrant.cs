namespace Storewise.Api.Limits;

/// <summary>A grant row as the ledger reads it back when it confirms or releases a hold.</summary>
/// <remarks>A class with setters, so Dapper converts SQLite's and PostgreSQL's integer types alike.</remarks>
public sealed class HeldGrant
{
    public string OfferId { get; set; } = "";

    public string Counter { get; set; } = "";

    public string? Code { get; set; }

    public long Amount { get; set; }

    public bool IsCode => Counter.StartsWith(UsageCounters.CodePrefix, StringComparison.Ordinal);
}
