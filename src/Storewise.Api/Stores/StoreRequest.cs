using System.ComponentModel;

namespace Storewise.Api.Stores;

/// <summary>The body of <c>PUT /v0/promotions/stores/{storeId}</c>: a store's name and time zone; creates or replaces it.</summary>
public sealed record StoreRequest(
    [property: Description("The store's display name; required, at most 200 characters.")] string? Name,
    [property: Description("IANA time zone id of the store, e.g. Europe/Berlin; store-local offer times are read in it. Absent or null: UTC.")] string? TimeZone,
    [property: Description("When sent, must be the stored version (optimistic concurrency); a mismatch is 409.")] string? Version);
