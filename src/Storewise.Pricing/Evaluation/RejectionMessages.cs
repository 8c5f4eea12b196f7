namespace Storewise.Pricing;

/// <summary>Human-readable texts for the reasons (docs/pricing-rules.md A54: free text; clients should use the reason code).</summary>
internal static class RejectionMessages
{
    public static string For(string reason) => reason switch
    {
        ReasonCodes.NotFound => "The coupon code does not exist.",
        ReasonCodes.Inactive => "The coupon or its code is not active.",
        ReasonCodes.NotStarted => "The coupon is not valid yet.",
        ReasonCodes.Expired => "The coupon has expired.",
        ReasonCodes.AlreadyRedeemed => "The single-use code has already been redeemed.",
        ReasonCodes.CurrencyNotEligible => "The coupon does not apply to the cart currency.",
        ReasonCodes.BelowMinimumCartValue => "The cart total is below the coupon's minimum cart value.",
        ReasonCodes.StoreNotEligible => "The coupon does not apply in this store.",
        ReasonCodes.CustomerNotEligible => "The coupon is not available to this customer.",
        ReasonCodes.SegmentNotMatched => "The customer is not in the coupon's segment.",
        ReasonCodes.NoEligibleItems => "The coupon takes nothing off this cart.",
        ReasonCodes.ExclusiveConflict => "An exclusive offer gives a better price.",
        ReasonCodes.StackingDisabled => "Only one coupon can be used per cart.",
        ReasonCodes.CouponAlreadyApplied => "Another code of the same coupon is already applied.",
        ReasonCodes.LostInGroup => "Another offer of the same stacking group gives a better price.",
        ReasonCodes.CustomerRequired => "The coupon is limited per customer and the cart has no customer id.",
        ReasonCodes.LimitReached => "The coupon has no uses left.",
        ReasonCodes.CustomerLimitReached => "The customer has no uses of the coupon left.",
        ReasonCodes.BudgetExhausted => "The coupon's budget is spent.",
        ReasonCodes.OutsideSchedule => "The coupon is outside its scheduled hours.",
        ReasonCodes.BelowMinimumQuantity => "The cart has fewer qualifying units than the coupon needs.",
        ReasonCodes.ChannelNotEligible => "The coupon does not apply in this channel.",
        _ => "The coupon was not applied.",
    };
}
