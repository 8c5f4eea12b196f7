using System.Text.Json.Serialization;
using Storewise.Api.Codes;
using Storewise.Api.Common;

namespace Storewise.Api.Imports;

/// <summary>The <c>codesImport</c> object (docs/spec.md §2.3); <c>reason</c> is present only on a FAILED import.</summary>
public sealed record CodesImportResource(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("processed")] long Processed,
    [property: JsonPropertyName("created")] long Created,
    [property: JsonPropertyName("errors")] long Errors,
    [property: JsonPropertyName("updatedAt")] string UpdatedAt)
{
    [JsonPropertyName("reason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    public static CodesImportResource From(ImportRow row) =>
        new(row.Id, row.Status, row.Processed, row.Created, row.Errors, Timestamps.GoLayout(Timestamps.FromUnixMs(row.UpdatedAt)))
        {
            Reason = row.Failure,
        };

    public static string SelfLink(string couponId, string importId) => $"/coupon/{couponId}/code/import/{importId}";
}

public sealed record CodesImportAccepted([property: JsonPropertyName("codesImport")] CodesImportResource CodesImport);

/// <summary>One import with its link: the single-import answer and each item of the import list.</summary>
public sealed record CodesImportItem(
    [property: JsonPropertyName("links")] SelfLink Links,
    [property: JsonPropertyName("codesImport")] CodesImportResource CodesImport);

/// <summary>One row of an import's error report.</summary>
public sealed record ImportErrorItem(
    [property: JsonPropertyName("line")] long Line,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("message")] string Message);
