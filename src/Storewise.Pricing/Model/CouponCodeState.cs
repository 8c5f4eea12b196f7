namespace Storewise.Pricing;

/// <summary>The stored state of one coupon code.</summary>
public sealed record CouponCodeState(string Code, string CouponId, bool Active, int Redemptions);
