using Storewise.Api.Errors;
using Storewise.Api.Events;

namespace Storewise.Api.Webhooks;

/// <summary>Checks the webhook endpoint bodies; every message names the field.</summary>
public static class WebhookValidation
{
    public const int MaxDescriptionLength = 500;

    /// <summary>The subscribed types, "*" when absent; null (with the errors added) when a type is unknown.</summary>
    public static IReadOnlyList<string>? Types(IReadOnlyList<string?>? types, bool required, ValidationErrors errors)
    {
        if (types is null)
        {
            return required ? [WebhookEndpointRow.AllTypes] : null;
        }

        if (types.Count == 0)
        {
            errors.Add("eventTypes", "must name at least one event type, or \"*\" for all");
            return null;
        }

        var unknown = types.FirstOrDefault(t => t is null || (t != WebhookEndpointRow.AllTypes && !EventTypes.All.Contains(t)));
        if (unknown is not null || types.Contains(null))
        {
            errors.Add("eventTypes", $"'{unknown}' is not an event type; known types: {string.Join(", ", EventTypes.All.Order(StringComparer.Ordinal))}");
            return null;
        }

        return types.Select(t => t!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    public static void Description(string? description, ValidationErrors errors)
    {
        if (description is { Length: > MaxDescriptionLength })
        {
            errors.Add("description", $"must be at most {MaxDescriptionLength} characters");
        }
    }

    public static void Url(string? url, bool required, WebhookOptions options, ValidationErrors errors)
    {
        if ((required || url is not null) && WebhookUrlPolicy.Check(url, options) is { } problem)
        {
            errors.Add("url", problem);
        }
    }
}
