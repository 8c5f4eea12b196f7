using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Storewise.Api.Events;

/// <summary>
/// The data of a <c>configuration.changed</c> event: which section changed (<c>tppe</c>, <c>sales-order/{key}</c>,
/// <c>exclusions</c>, <c>coupon-stacking</c>) and its value as the API shows it, secrets left out.
/// </summary>
public sealed record ConfigurationChange(
    [property: JsonPropertyName("section")] string Section,
    [property: JsonPropertyName("value")] JsonNode? Value)
{
    private static readonly JsonSerializerOptions ValueJson = new(JsonSerializerDefaults.Web);

    public static OutboxEvent Event<T>(string tenant, string section, DateTimeOffset at, T value) =>
        OutboxEvent.Create(EventTypes.ConfigurationChanged, tenant, section, at, new ConfigurationChange(section, value as JsonNode ?? JsonSerializer.SerializeToNode(value, ValueJson)));
}
