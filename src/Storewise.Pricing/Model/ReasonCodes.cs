namespace Storewise.Pricing;

/// <summary>Machine-readable reasons (docs/spec.md §D4), listed in precedence order (docs/pricing-rules.md A34).</summary>
public static class ReasonCodes
{
    public const string NotFound = "not_found";
    public const string Inactive = "inactive";
    public const string NotStarted = "not_started";
    public const string Expired = "expired";
    public const string AlreadyRedeemed = "already_redeemed";
    public const string CurrencyNotEligible = "currency_not_eligible";
    public const string BelowMinimumCartValue = "below_minimum_cart_value";
    public const string StoreNotEligible = "store_not_eligible";
    public const string CustomerNotEligible = "customer_not_eligible";
    public const string SegmentNotMatched = "segment_not_matched";
    public const string NoEligibleItems = "no_eligible_items";
    public const string ExclusiveConflict = "exclusive_conflict";
    public const string StackingDisabled = "stacking_disabled";
    public const string CouponAlreadyApplied = "coupon_already_applied";

    /// <summary>Another offer of the same stacking group saves the customer more.</summary>
    public const string LostInGroup = "lost_in_group";

    // Usage limits, checked last: only an offer that would otherwise apply is refused for them.
    public const string CustomerRequired = "customer_required";
    public const string LimitReached = "limit_reached";
    public const string CustomerLimitReached = "customer_limit_reached";
    public const string BudgetExhausted = "budget_exhausted";

    // Time and audience (docs/pricing-semantics.md, "Time and audience"): outside_schedule follows expired,
    // below_minimum_quantity follows below_minimum_cart_value, channel_not_eligible follows store_not_eligible.
    public const string OutsideSchedule = "outside_schedule";
    public const string BelowMinimumQuantity = "below_minimum_quantity";
    public const string ChannelNotEligible = "channel_not_eligible";
}
