using System.Text.Json.Serialization;

namespace Storewise.Api.TppeIntegration;

/// <summary>What GET and PATCH answer: the stored section without its token (docs/spec.md §8 #22).</summary>
public sealed record IntegrationConfigResponse(
    [property: JsonPropertyName("session_update_url")] string? SessionUpdateUrl);
