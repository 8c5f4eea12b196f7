using Storewise.Api.Common;

namespace Storewise.Api.Webhooks;

/// <summary>A stored webhook endpoint; <see cref="Secret"/> is the Data Protection payload of the signing secret.</summary>
public sealed class WebhookEndpointRow
{
    public const string Columns =
        "tenant AS Tenant, id AS Id, url AS Url, event_types AS EventTypes, description AS Description, secret AS Secret, " +
        "enabled AS Enabled, disabled_reason AS DisabledReason, created_at AS CreatedAt, updated_at AS UpdatedAt";

    /// <summary>Stored for "every type", also types added later.</summary>
    public const string AllTypes = "*";

    public string Tenant { get; init; } = "";

    public string Id { get; init; } = "";

    public string Url { get; init; } = "";

    public string EventTypes { get; init; } = AllTypes;

    public string? Description { get; init; }

    public string Secret { get; init; } = "";

    public long Enabled { get; init; }

    public string? DisabledReason { get; init; }

    public long CreatedAt { get; init; }

    public long UpdatedAt { get; init; }

    /// <summary>The stored form of a type list: each type between commas, so <c>LIKE '%,type,%'</c> matches exactly one.</summary>
    public static string StoreTypes(IReadOnlyList<string> types) =>
        types.Contains(AllTypes) ? AllTypes : "," + string.Join(',', types) + ",";

    public WebhookEndpointResource ToResource() => new(
        Id,
        Url,
        EventTypes == AllTypes ? [AllTypes] : EventTypes.Split(',', StringSplitOptions.RemoveEmptyEntries),
        Description,
        Enabled != 0,
        DisabledReason,
        Timestamps.Rfc3339(Timestamps.FromUnixMs(CreatedAt)),
        Timestamps.Rfc3339(Timestamps.FromUnixMs(UpdatedAt)));
}
