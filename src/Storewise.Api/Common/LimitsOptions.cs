namespace Storewise.Api.Common;

/// <summary>Configurable request limits (section <c>Limits</c>); documented in docs/operations.md.</summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Largest JSON request body, in bytes.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest CSV import upload, in bytes (docs/spec.md §D9: 10 MiB).</summary>
    public long MaxImportBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Most codes in one CSV import (docs/spec.md §D9: 100,000).</summary>
    public int MaxImportCodes { get; set; } = 100_000;

    /// <summary>Most lines in one cart.</summary>
    public int MaxCartLines { get; set; } = 1_000;

    /// <summary>Most codes in one create-codes, cart or redemption request.</summary>
    public int MaxCodesPerRequest { get; set; } = 1_000;
}
