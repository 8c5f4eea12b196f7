using System.Text.Json.Serialization;

namespace Storewise.Api.Codes;

/// <summary>A coupon code as the API shows it: <c>name</c> is the code text.</summary>
public sealed record CodeResource(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("redemptions")] long Redemptions,
    [property: JsonPropertyName("active")] bool Active)
{
    public static string SelfLink(string couponId, string codeId) => $"/coupon/{couponId}/code/{codeId}";
}

public sealed record SelfLink([property: JsonPropertyName("self")] string Self);

/// <summary>The create-codes answer: <c>links</c> is an array, one per code (vendor quirk, docs/spec.md §0.6).</summary>
public sealed record CreatedCodes(
    [property: JsonPropertyName("links")] IReadOnlyList<SelfLink> Links,
    [property: JsonPropertyName("codes")] IReadOnlyList<CodeResource> Codes);

/// <summary>One item of the code list: a single code under the plural key <c>codes</c> (vendor quirk, docs/spec.md §0.6).</summary>
public sealed record CodeListItem(
    [property: JsonPropertyName("links")] SelfLink Links,
    [property: JsonPropertyName("codes")] CodeResource Codes);
