using System.Text.Json.Serialization;

namespace Storewise.Api.Contracts;

/// <summary>The body of a TPPE configuration PATCH: only the members sent change; at least one is needed.</summary>
public sealed record IntegrationConfigPatchRequest
{
    /// <summary>Absolute http(s) URL ending with <c>{customerSessionId}</c>.</summary>
    [JsonPropertyName("session_update_url")]
    public string? SessionUpdateUrl { get; init; }

    /// <summary>The token the service sends to that URL; stored, never shown again.</summary>
    [JsonPropertyName("auth_token")]
    public string? AuthToken { get; init; }
}
