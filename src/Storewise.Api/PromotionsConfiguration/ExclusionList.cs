namespace Storewise.Api.PromotionsConfiguration;

/// <summary>
/// The tenant's global product exclusion list (docs/spec.md §1.5): products on it never get any discount. A tenant that
/// never set one has an empty list and null audit fields.
/// </summary>
public sealed record ExclusionList(
    string Tenant,
    IReadOnlyList<string> Ids,
    DateTimeOffset? CreatedAt,
    string? CreatedBy,
    DateTimeOffset? UpdatedAt,
    string? UpdatedBy,
    string? Version)
{
    public const int MaxIds = 10_000;

    public static ExclusionList Empty(string tenant) => new(tenant, [], null, null, null, null, null);
}

/// <summary>The tenant's coupon stacking mode (docs/spec.md §D1, §8 #16): stackable unless set to legacy (false).</summary>
public sealed record CouponStacking(string Tenant, bool Stackable, DateTimeOffset? UpdatedAt, string? UpdatedBy, string? Version)
{
    public static CouponStacking Default(string tenant) => new(tenant, true, null, null, null);
}

/// <summary>Body of <c>PUT /configuration/exclusions</c>; <c>version</c>, when sent, must be the stored one.</summary>
public sealed record ExclusionsRequest(IReadOnlyList<string?>? Ids, string? Version);

/// <summary>Body of <c>PUT /configuration/coupons</c>; <c>version</c>, when sent, must be the stored one.</summary>
public sealed record CouponStackingRequest(bool? Stackable, string? Version);

/// <summary>The exclusion list as the API shows it.</summary>
public sealed record ExclusionListResponse(
    string Tenant, IReadOnlyList<string> Ids, string? CreatedAt, string? CreatedBy, string? UpdatedAt, string? UpdatedBy, string? Version);

/// <summary>The stacking mode as the API shows it.</summary>
public sealed record CouponStackingResponse(string Tenant, bool Stackable, string? UpdatedAt, string? UpdatedBy, string? Version);
