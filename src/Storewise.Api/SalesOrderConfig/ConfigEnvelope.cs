using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Storewise.Api.SalesOrderConfig;

/// <summary>Every sales-order configuration read and write answer: <c>{"value", "updated_at"}</c>.</summary>
/// <param name="Value">The configured value: a number, a boolean, a string, an array or an object, as the key takes.</param>
/// <param name="UpdatedAt">When the value was last written, or null for a key never written.</param>
public sealed record ConfigEnvelope(
    [property: JsonPropertyName("value")] JsonNode? Value,
    [property: JsonPropertyName("updated_at")] string? UpdatedAt);
