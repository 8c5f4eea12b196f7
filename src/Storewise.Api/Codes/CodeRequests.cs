using System.Text.Json.Serialization;

namespace Storewise.Api.Codes;

public sealed record CreateCodesRequest([property: JsonPropertyName("codes")] IReadOnlyList<string?>? Codes);

/// <summary>The PATCH body: only <c>active</c> changes; <c>id</c>/<c>name</c> must match; <c>redemptions</c> is ignored.</summary>
public sealed record UpdateCodeRequest(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("redemptions")] decimal? Redemptions,
    [property: JsonPropertyName("active")] bool? Active);
