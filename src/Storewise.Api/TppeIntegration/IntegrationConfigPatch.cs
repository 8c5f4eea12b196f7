using System.Text.Json;
using Storewise.Api.Errors;

namespace Storewise.Api.TppeIntegration;

/// <summary>
/// A TPPE PATCH body: only the members sent change (docs/spec.md §8 #23). A null member was not sent.
/// </summary>
public sealed record IntegrationConfigPatch(string? SessionUpdateUrl, string? AuthToken)
{
    public const string Placeholder = "{customerSessionId}";
    private const int MaxUrlLength = 2048;
    private const int MaxTokenLength = 4096;

    /// <summary>Reads and validates the body; failures name the field.</summary>
    public static IntegrationConfigPatch? Parse(JsonElement body, ValidationErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "must be a JSON object");
            return null;
        }

        var url = ReadString(body, "session_update_url", errors);
        var token = ReadString(body, "auth_token", errors);
        if (url is not null && !IsValidSessionUpdateUrl(url))
        {
            errors.Add("session_update_url", $"must be an absolute http(s) URL ending with {Placeholder} (at most {MaxUrlLength} characters)");
        }

        if (token is not null && token.Length > MaxTokenLength)
        {
            errors.Add("auth_token", $"must be at most {MaxTokenLength} characters");
        }

        if (!errors.Any && url is null && token is null)
        {
            // A PATCH that changes nothing is almost always a misspelt member name (e.g. camelCase).
            errors.Add("body", "send session_update_url and/or auth_token");
        }

        return errors.Any ? null : new IntegrationConfigPatch(url, token);
    }

    private static string? ReadString(JsonElement body, string name, ValidationErrors errors)
    {
        if (!body.TryGetProperty(name, out var element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            errors.Add(name, "must be a string");
            return null;
        }

        return element.GetString();
    }

    private static bool IsValidSessionUpdateUrl(string url) =>
        url.Length <= MaxUrlLength
        && url.EndsWith(Placeholder, StringComparison.Ordinal)
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);
}
