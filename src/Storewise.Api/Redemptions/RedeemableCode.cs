namespace Storewise.Api.Redemptions;

/// <summary>A stored code joined with its coupon (coupon columns are null when the coupon is gone).</summary>
public sealed class RedeemableCode
{
    public string Id { get; init; } = "";

    public string Code { get; init; } = "";

    public string CodeKey { get; init; } = "";

    public string CouponId { get; init; } = "";

    public bool Active { get; init; }

    public long Redemptions { get; init; }

    public bool? CouponActive { get; init; }

    public long? ValidFrom { get; init; }

    public long? ValidTo { get; init; }

    public string? Document { get; init; }
}
