namespace Storewise.Api.Offers;

/// <summary>
/// A promotion or coupon with every field of the resource (docs/spec.md §2.1): the one offer model. The validator makes
/// it, <see cref="OfferDocuments"/> stores and reads it as it is, <see cref="OfferStore"/> derives the indexed
/// columns from it and <see cref="EngineOffers"/> maps it to the engine's offer. The derived <c>status</c> is
/// not part of it (see <see cref="OfferStatus"/>).
/// </summary>
/// <param name="Type">Promotion or coupon.</param>
/// <param name="Id">Vendor-style id (docs/spec.md §0.4).</param>
/// <param name="Name">Unique per tenant and type, case-insensitively.</param>
/// <param name="Description">As sent; null when omitted (the API then shows the name, docs/spec.md §8 #24).</param>
/// <param name="Active">False when omitted (docs/pricing-rules.md A36).</param>
/// <param name="ValidFrom">Start of validity, inclusive.</param>
/// <param name="ValidTo">End of validity, inclusive (docs/spec.md §8 #7); null means open-ended.</param>
/// <param name="LocalizedTimezone">As sent; null when omitted.</param>
/// <param name="Category">The discount definition.</param>
/// <param name="Currencies">Currencies the offer applies in, with their minimum cart values.</param>
/// <param name="Stores">Store ids; empty means every store.</param>
/// <param name="Exclusive">False when omitted.</param>
/// <param name="Segment">The customer segment, or null for everyone.</param>
/// <param name="SingleUse">Coupons: whether each code may be redeemed once (false for promotions).</param>
/// <param name="Consumers">Coupons: customer ids allowed; empty means anyone (always empty for promotions).</param>
/// <param name="ExternalId">Coupons: the caller's own id, unique per tenant.</param>
/// <param name="Tenant">The owning tenant.</param>
/// <param name="Version">Optimistic-concurrency token, new on every write.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
/// <param name="CreatedBy">The creating user (the token's <c>sub</c>).</param>
/// <param name="UpdatedAt">Last write time (UTC).</param>
/// <param name="UpdatedBy">The last writing user.</param>
/// <param name="Limits">Count limits, or null for none.</param>
/// <param name="Budget">The budget, or null for none.</param>
/// <param name="Rewards">Tiers, caps, buy/get sets, gifts and stacking control, or null for none.</param>
/// <param name="TimeZone">IANA id the budget periods, the schedule and (with localizedTimezone true) the naive times are read in; null means UTC.</param>
/// <param name="Schedule">Recurring windows inside the validity; null means always open.</param>
/// <param name="ChannelTypes">Channel types the offer applies in; null means every channel.</param>
/// <param name="CustomerConditions">Attribute conditions beside the segment; null for none.</param>
/// <param name="MinimumQuantity">Qualifying units the cart needs; null for none.</param>
public sealed record OfferDocument(
    OfferType Type,
    string Id,
    string Name,
    string? Description,
    bool Active,
    ValidityTime ValidFrom,
    ValidityTime? ValidTo,
    bool? LocalizedTimezone,
    OfferCategory Category,
    IReadOnlyList<OfferCurrency> Currencies,
    IReadOnlyList<string> Stores,
    bool Exclusive,
    OfferSegment? Segment,
    bool SingleUse,
    IReadOnlyList<string> Consumers,
    string? ExternalId,
    string Tenant,
    string Version,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    OfferLimits? Limits = null,
    OfferBudget? Budget = null,
    string? TimeZone = null,
    OfferRewards? Rewards = null,
    IReadOnlyList<OfferScheduleWindow>? Schedule = null,
    IReadOnlyList<string>? ChannelTypes = null,
    OfferCustomerConditions? CustomerConditions = null,
    int? MinimumQuantity = null)
{
    /// <summary>Whether the offer is inside its validity window at <paramref name="now"/> (both ends inclusive).</summary>
    public bool IsCurrent(DateTimeOffset now) =>
        ValidFrom.Instant <= now && (ValidTo is null || now <= ValidTo.Instant);
}

/// <summary>A currency the offer applies in: <c>{"code": "EUR", "minimumCartValue": 50}</c> (absent minimum = 0, docs/pricing-rules.md A35).</summary>
public sealed record OfferCurrency(string Code, decimal? MinimumCartValue);

/// <summary>A customer segment: the customer attribute <c>key</c> must equal <c>value</c> (docs/pricing-rules.md A31); <c>schema</c> is echoed.</summary>
public sealed record OfferSegment(string Key, string Value, int Schema);
