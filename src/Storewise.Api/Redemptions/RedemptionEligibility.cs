using Storewise.Api.Offers;
using Storewise.Pricing;

namespace Storewise.Api.Redemptions;

/// <summary>
/// Whether each code of a redemption may be redeemed. The engine decides (<see cref="CouponRedemption"/>, the
/// checks and precedence of cart pricing, docs/pricing-rules.md A34); this class only turns its verdict into the redemption's error.
/// A redemption carries no store and no customer attributes, so the store and segment checks do not apply.
/// </summary>
public static class RedemptionEligibility
{
    /// <summary>The coupons of the stored codes, compiled for the engine.</summary>
    public static PromotionCatalog Compile(IEnumerable<OfferDocument> coupons) =>
        PromotionCatalog.Compile([], coupons.Select(EngineOffers.From), [], stackableCoupons: true);

    /// <summary>Null when <paramref name="code"/> may be redeemed; otherwise why not. <paramref name="usage"/> is what is left of its coupon's count limits.</summary>
    public static RedemptionFailure? Check(
        string requested, RedeemableCode? code, PromotionCatalog coupons, Redemption redemption, DateTimeOffset now, OfferUsage? usage = null)
    {
        var state = code is null
            ? null
            : new CouponCodeState(code.Code, code.CouponId, code.Active, (int)Math.Min(code.Redemptions, int.MaxValue));
        var context = new RedemptionContext(redemption.Currency, redemption.CatalogTotal, redemption.ConsumerId, now) { Usage = usage };
        var verdict = CouponRedemption.Check(coupons, state, context);
        return FailureFor(verdict, requested, code is null ? null : coupons.FindCoupon(code.CouponId), redemption.Currency);
    }

    /// <summary>
    /// The one table from the engine's verdict to the redemption's error (docs/spec.md §4.5): status, <c>code</c> and message.
    /// The cart's reason for the same verdict is <see cref="EligibilityVerdicts.ReasonCode"/>.
    /// </summary>
    public static RedemptionFailure? FailureFor(EligibilityVerdict verdict, string requested, Offer? coupon, string currency) => verdict switch
    {
        EligibilityVerdict.Eligible => null,
        EligibilityVerdict.NotFound => RedemptionFailure.NotFound(requested),
        EligibilityVerdict.CodeInactive => RedemptionFailure.Ineligible("coupon_code_inactive", $"coupon code '{requested}' is not active"),
        EligibilityVerdict.CouponInactive => RedemptionFailure.Ineligible("coupon_not_active", $"the coupon of code '{requested}' is not active"),
        EligibilityVerdict.NotStarted => RedemptionFailure.Ineligible("coupon_not_started", $"the coupon of code '{requested}' is not valid yet"),
        EligibilityVerdict.Expired => RedemptionFailure.Ineligible("coupon_expired", $"the coupon of code '{requested}' has expired"),
        EligibilityVerdict.AlreadyRedeemed => RedemptionFailure.AlreadyRedeemed(requested),
        EligibilityVerdict.CurrencyNotEligible =>
            RedemptionFailure.Ineligible("currency_not_eligible", $"the coupon of code '{requested}' does not accept {currency}"),
        EligibilityVerdict.BelowMinimumCartValue => BelowMinimum(requested, coupon, currency),
        EligibilityVerdict.StoreNotEligible =>
            RedemptionFailure.Ineligible("store_not_eligible", $"the coupon of code '{requested}' does not apply in this store"),
        EligibilityVerdict.CustomerNotEligible =>
            RedemptionFailure.Ineligible("customer_not_eligible", $"the coupon of code '{requested}' is not available to this customer"),
        EligibilityVerdict.SegmentNotMatched =>
            RedemptionFailure.Ineligible("segment_not_matched", $"the coupon of code '{requested}' is not available to this customer's segment"),
        EligibilityVerdict.CustomerRequired =>
            RedemptionFailure.Ineligible("customer_required", $"the coupon of code '{requested}' is limited per customer: consumerId is required"),
        EligibilityVerdict.LimitReached =>
            RedemptionFailure.LimitReached("limit_reached", $"the coupon of code '{requested}' has no uses left"),
        EligibilityVerdict.CustomerLimitReached =>
            RedemptionFailure.LimitReached("customer_limit_reached", $"the customer has no uses of the coupon of code '{requested}' left"),
        EligibilityVerdict.BudgetExhausted =>
            RedemptionFailure.LimitReached("budget_exhausted", $"the budget of the coupon of code '{requested}' is spent"),
        EligibilityVerdict.OutsideSchedule =>
            RedemptionFailure.Ineligible("outside_schedule", $"the coupon of code '{requested}' is outside its scheduled hours"),
        EligibilityVerdict.BelowMinimumQuantity =>
            RedemptionFailure.Ineligible("below_minimum_quantity", $"the coupon of code '{requested}' needs more qualifying units"),
        EligibilityVerdict.ChannelNotEligible =>
            RedemptionFailure.Ineligible("channel_not_eligible", $"the coupon of code '{requested}' does not apply in this channel"),
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    // The message names the minimum as the coupon states it, in the coupon's spelling of the currency.
    private static RedemptionFailure BelowMinimum(string requested, Offer? coupon, string currency)
    {
        var rule = coupon?.Currencies.FirstOrDefault(c => CurrencyCodes.SameCode(c.Code, currency));
        return RedemptionFailure.Ineligible(
            "below_minimum_cart_value",
            $"the coupon of code '{requested}' needs a catalog total of at least {rule?.MinimumCartValue ?? 0m} {rule?.Code ?? currency}");
    }
}
