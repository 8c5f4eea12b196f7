namespace Storewise.Api.Codes;

/// <summary>A stored coupon code (table <c>coupon_codes</c>).</summary>
public sealed class CodeRow
{
    public string Id { get; init; } = "";

    public string CouponId { get; init; } = "";

    public string Code { get; init; } = "";

    public bool Active { get; init; }

    public long Redemptions { get; init; }

    public CodeResource ToResource() => new(Id, Code, Redemptions, Active);
}
