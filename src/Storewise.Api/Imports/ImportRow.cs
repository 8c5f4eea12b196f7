namespace Storewise.Api.Imports;

/// <summary>A stored import (table <c>code_imports</c>).</summary>
public sealed class ImportRow
{
    public string Tenant { get; init; } = "";

    public string Id { get; init; } = "";

    public string CouponId { get; init; } = "";

    public string Status { get; init; } = "";

    public long TotalRows { get; init; }

    public long NextSeq { get; init; }

    public long Processed { get; init; }

    public long Created { get; init; }

    public long Errors { get; init; }

    public string? Failure { get; init; }

    public long Attempts { get; init; }

    public long UpdatedAt { get; init; }
}
