namespace Storewise.Api.Stores;

/// <summary>A store of the registry as the API returns it.</summary>
public sealed record StoreResource
{
    /// <summary>The store id carts send as <c>storeId</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The store's display name.</summary>
    public required string Name { get; init; }

    /// <summary>IANA time zone id; null means the store's store-local times are read as UTC.</summary>
    public required string? TimeZone { get; init; }

    /// <summary>When the store was first registered (RFC 3339, UTC).</summary>
    public required string CreatedAt { get; init; }

    /// <summary>The user who registered it.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>When it was last replaced (RFC 3339, UTC).</summary>
    public required string UpdatedAt { get; init; }

    /// <summary>The user who last replaced it.</summary>
    public required string UpdatedBy { get; init; }

    /// <summary>Opaque; send it back in a PUT to replace only this version.</summary>
    public required string Version { get; init; }
}
