namespace Storewise.Api.Redemptions;

/// <summary>Why one code cannot be redeemed: the HTTP status and the machine-readable <c>code</c> of the error body.</summary>
public sealed record RedemptionFailure(int Status, string Reason, string Message)
{
    public static RedemptionFailure NotFound(string code) =>
        new(StatusCodes.Status404NotFound, "coupon_code_not_found", $"coupon code '{code}' not found");

    public static RedemptionFailure AlreadyRedeemed(string code) =>
        new(StatusCodes.Status409Conflict, "coupon_code_already_redeemed", $"coupon code '{code}' is single-use and already redeemed");

    public static RedemptionFailure OrderAlreadyRedeemed(string code, string orderId) =>
        new(StatusCodes.Status409Conflict, "order_already_redeemed_code", $"order '{orderId}' already redeemed coupon code '{code}'");

    public static RedemptionFailure Ineligible(string reason, string message) => new(StatusCodes.Status400BadRequest, reason, message);

    /// <summary>A usage limit of the coupon has no use left: like a redeemed single-use code, a conflict with stored state.</summary>
    public static RedemptionFailure LimitReached(string reason, string message) => new(StatusCodes.Status409Conflict, reason, message);
}
