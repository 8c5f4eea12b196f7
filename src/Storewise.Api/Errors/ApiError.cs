using System.Text.Json.Serialization;

namespace Storewise.Api.Errors;

/// <summary>
/// The promotions service error body (docs/spec.md §0.3 shape B; shape A is the same without the optional members).
/// <c>status</c> always equals the HTTP status. The vendor's optional <c>id</c> and <c>type</c> are never sent.
/// </summary>
public sealed record ApiError(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("status")] int Status)
{
    [JsonPropertyName("causes")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Causes { get; init; }

    /// <summary>Machine-readable reason, e.g. <c>coupon_code_already_redeemed</c>.</summary>
    [JsonPropertyName("code")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Code { get; init; }
}
