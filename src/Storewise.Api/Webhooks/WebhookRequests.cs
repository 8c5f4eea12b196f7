using System.Text.Json.Serialization;

namespace Storewise.Api.Webhooks;

/// <summary>
/// The body of POST /v0/promotions/webhooks. <c>eventTypes</c> lists the types to receive; <c>["*"]</c> (or
/// leaving it out) subscribes to every type, also ones added later.
/// </summary>
public sealed record CreateWebhookEndpointRequest(
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("eventTypes")] IReadOnlyList<string?>? EventTypes,
    [property: JsonPropertyName("description")] string? Description);

/// <summary>The body of PATCH /v0/promotions/webhooks/{id}: members left out stay as they are.</summary>
public sealed record UpdateWebhookEndpointRequest(
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("eventTypes")] IReadOnlyList<string?>? EventTypes,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("enabled")] bool? Enabled);
