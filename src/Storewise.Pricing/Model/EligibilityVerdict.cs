namespace Storewise.Pricing;

/// <summary>
/// What the line-independent checks of docs/spec.md §4.5 decided for one offer or code, in precedence order (docs/pricing-rules.md A34).
/// Finer than <see cref="ReasonCodes"/> where a caller needs more: the cart says <c>inactive</c> for both
/// <see cref="CodeInactive"/> and <see cref="CouponInactive"/>, a redemption tells them apart.
/// </summary>
public enum EligibilityVerdict
{
    Eligible,
    NotFound,
    CodeInactive,
    CouponInactive,
    NotStarted,
    Expired,
    AlreadyRedeemed,
    CurrencyNotEligible,
    BelowMinimumCartValue,
    StoreNotEligible,
    CustomerNotEligible,
    SegmentNotMatched,
    CustomerRequired,
    LimitReached,
    CustomerLimitReached,
    BudgetExhausted,
    OutsideSchedule,
    BelowMinimumQuantity,
    ChannelNotEligible,
}

public static class EligibilityVerdicts
{
    /// <summary>The cart's reason for a verdict (docs/spec.md §D4); null when eligible.</summary>
    public static string? ReasonCode(this EligibilityVerdict verdict) => verdict switch
    {
        EligibilityVerdict.Eligible => null,
        EligibilityVerdict.NotFound => ReasonCodes.NotFound,
        EligibilityVerdict.CodeInactive or EligibilityVerdict.CouponInactive => ReasonCodes.Inactive,
        EligibilityVerdict.NotStarted => ReasonCodes.NotStarted,
        EligibilityVerdict.Expired => ReasonCodes.Expired,
        EligibilityVerdict.AlreadyRedeemed => ReasonCodes.AlreadyRedeemed,
        EligibilityVerdict.CurrencyNotEligible => ReasonCodes.CurrencyNotEligible,
        EligibilityVerdict.BelowMinimumCartValue => ReasonCodes.BelowMinimumCartValue,
        EligibilityVerdict.StoreNotEligible => ReasonCodes.StoreNotEligible,
        EligibilityVerdict.CustomerNotEligible => ReasonCodes.CustomerNotEligible,
        EligibilityVerdict.SegmentNotMatched => ReasonCodes.SegmentNotMatched,
        EligibilityVerdict.CustomerRequired => ReasonCodes.CustomerRequired,
        EligibilityVerdict.LimitReached => ReasonCodes.LimitReached,
        EligibilityVerdict.CustomerLimitReached => ReasonCodes.CustomerLimitReached,
        EligibilityVerdict.BudgetExhausted => ReasonCodes.BudgetExhausted,
        EligibilityVerdict.OutsideSchedule => ReasonCodes.OutsideSchedule,
        EligibilityVerdict.BelowMinimumQuantity => ReasonCodes.BelowMinimumQuantity,
        EligibilityVerdict.ChannelNotEligible => ReasonCodes.ChannelNotEligible,
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };
}
