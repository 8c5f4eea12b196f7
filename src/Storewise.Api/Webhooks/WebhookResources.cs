using System.Text.Json.Serialization;

namespace Storewise.Api.Webhooks;

/// <summary>A webhook endpoint as the API shows it; the signing secret is shown only once, on creation.</summary>
public sealed record WebhookEndpointResource(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("eventTypes")] IReadOnlyList<string> EventTypes,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("enabled")] bool Enabled,
    [property: JsonPropertyName("disabledReason")] string? DisabledReason,
    [property: JsonPropertyName("createdAt")] string CreatedAt,
    [property: JsonPropertyName("updatedAt")] string UpdatedAt);

/// <summary>The creation answer: the endpoint and its signing secret, which is never shown again.</summary>
public sealed record CreatedWebhookEndpoint(
    [property: JsonPropertyName("webhook")] WebhookEndpointResource Webhook,
    [property: JsonPropertyName("secret")] string Secret);

public sealed record WebhookEndpointList([property: JsonPropertyName("items")] IReadOnlyList<WebhookEndpointResource> Items);

/// <summary>One delivery of one event to one endpoint: its state, attempts and the last answer received.</summary>
public sealed record WebhookDeliveryResource(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("eventId")] string EventId,
    [property: JsonPropertyName("eventType")] string EventType,
    [property: JsonPropertyName("subjectId")] string SubjectId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("lastStatusCode")] int? LastStatusCode,
    [property: JsonPropertyName("lastError")] string? LastError,
    [property: JsonPropertyName("lastAttemptAt")] string? LastAttemptAt,
    [property: JsonPropertyName("nextAttemptAt")] string? NextAttemptAt,
    [property: JsonPropertyName("createdAt")] string CreatedAt);

/// <summary>An endpoint's deliveries, newest first.</summary>
public sealed record WebhookDeliveryList([property: JsonPropertyName("items")] IReadOnlyList<WebhookDeliveryResource> Items);
