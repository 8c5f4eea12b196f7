namespace Storewise.Api.Contracts;

/// <summary>A coupon definition as the API returns it: the offer fields plus the coupon-only ones (no codes: they have routes of their own).</summary>
public sealed record CouponResource : OfferResource
{
    /// <summary>Each customer may redeem a code of this coupon once.</summary>
    public required bool SingleUse { get; init; }

    /// <summary>Customer ids the coupon is limited to; [] means anyone.</summary>
    public required IReadOnlyList<string> Consumers { get; init; }

    /// <summary>The caller's own id for the coupon (unique per tenant), or null.</summary>
    public required string? ExternalId { get; init; }
}
