using Storewise.Pricing.Tests.Support;

namespace Storewise.Pricing.Tests.Examples;

public sealed class CouponRedemptionTests
{
    private static readonly Offer Coupon = Offers.Percent("c", OfferKind.CartLevelPercentage, 10, OfferSource.Coupon);

    private static readonly RedemptionContext Order = new("eur", 100m, "customer-1", Offers.Now);

    private static EligibilityVerdict Check(Offer coupon, CouponCodeState? code, RedemptionContext? order = null) =>
        CouponRedemption.Check(PromotionCatalog.Compile([], [coupon], [], stackableCoupons: true), code, order ?? Order);

    private static CouponCodeState Code(bool active = true, int redemptions = 0) => new("SPRING", "c", active, redemptions);

    [Fact]
    public void An_eligible_code_is_eligible() => Assert.Equal(EligibilityVerdict.Eligible, Check(Coupon, Code()));

    [Fact]
    public void A_missing_code_or_coupon_is_not_found()
    {
        Assert.Equal(EligibilityVerdict.NotFound, Check(Coupon, null));
        Assert.Equal(EligibilityVerdict.NotFound, Check(Coupon, Code() with { CouponId = "gone" }));
    }

    [Fact]
    public void A34_the_code_is_inactive_before_the_coupon_is()
    {
        Assert.Equal(EligibilityVerdict.CodeInactive, Check(Coupon with { Active = false }, Code(active: false)));
        Assert.Equal(EligibilityVerdict.CouponInactive, Check(Coupon with { Active = false }, Code()));
    }

    [Fact]
    public void Validity_redemptions_currency_minimum_and_consumers_are_checked_in_order()
    {
        Assert.Equal(EligibilityVerdict.NotStarted, Check(Coupon with { ValidFrom = Offers.Now.AddTicks(1) }, Code(redemptions: 1)));
        Assert.Equal(EligibilityVerdict.Expired, Check(Coupon with { ValidTo = Offers.Now.AddTicks(-1) }, Code()));
        Assert.Equal(EligibilityVerdict.Eligible, Check(Coupon with { ValidTo = Offers.Now }, Code())); // inclusive end
        Assert.Equal(EligibilityVerdict.AlreadyRedeemed, Check(Coupon with { SingleUse = true }, Code(redemptions: 1)));
        Assert.Equal(EligibilityVerdict.CurrencyNotEligible, Check(Coupon, Code(), Order with { Currency = "USD" }));
        var withMinimum = Coupon with { Currencies = [new CurrencyRule("EUR", 100.01m)], Consumers = ["someone-else"] };
        Assert.Equal(EligibilityVerdict.BelowMinimumCartValue, Check(withMinimum, Code()));
        Assert.Equal(EligibilityVerdict.CustomerNotEligible, Check(withMinimum with { Currencies = [new CurrencyRule("EUR", 100m)] }, Code()));
    }

    [Fact]
    public void A_redemption_carries_no_store_or_segment_so_those_restrictions_do_not_apply() =>
        Assert.Equal(EligibilityVerdict.Eligible, Check(Coupon with { Stores = ["s1"], Segment = new Segment("tier", "gold") }, Code()));

    [Fact]
    public void The_cart_reason_of_both_inactive_verdicts_is_inactive()
    {
        Assert.Equal(ReasonCodes.Inactive, EligibilityVerdict.CodeInactive.ReasonCode());
        Assert.Equal(ReasonCodes.Inactive, EligibilityVerdict.CouponInactive.ReasonCode());
        Assert.Null(EligibilityVerdict.Eligible.ReasonCode());
    }
}
