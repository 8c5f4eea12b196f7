namespace Storewise.Pricing;

/// <summary>A submitted code that was not applied, with a reason from <see cref="ReasonCodes"/>.</summary>
public sealed record RejectedCoupon(string Code, string Reason, string Message);
