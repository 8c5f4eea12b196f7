using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Storewise.Api.SalesOrderConfig;

/// <summary>Every sales-order configuration read and write answer: <c>{"value", "updated_at"}</c>.</summary>
public sealed record ConfigEnvelope(
    [property: JsonPropertyName("value")] JsonNode? Value,
    [property: JsonPropertyName("updated_at")] string? UpdatedAt);
