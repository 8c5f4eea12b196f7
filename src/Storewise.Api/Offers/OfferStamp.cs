namespace Storewise.Api.Offers;

/// <summary>The fields of an offer that the service sets, not the client: identity, owner, version and audit.</summary>
public sealed record OfferStamp(
    OfferType Type,
    string Id,
    string Tenant,
    string Version,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    string UpdatedBy);
