using System.Text.Json.Serialization;

namespace Storewise.Api.Errors;

/// <summary>The sales-order configuration error body (docs/spec.md §0.3 shape C), sent as application/problem+json.</summary>
public sealed record ProblemError(
    [property: JsonPropertyName("error_code")] string ErrorCode,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("request_id")] string RequestId);
