using Storewise.Pricing.Tests.Support;
using static Storewise.Pricing.Tests.Support.Carts;

namespace Storewise.Pricing.Tests.Examples;

public sealed class CouponCodeTests
{
    private static Offer FiveOff(string id = "c") => Offers.Fixed(id, OfferKind.CartLevelFixed, 5.00m).AsCoupon();

    [Fact]
    public void A37_TheSameCodeTwiceCountsOnceAndIsNotRejected()
    {
        var result = Store.With(FiveOff()).Code("C", "c").Price(Of(Item("a", 100.00m)).WithCodes("C", "c"));

        Assert.Equal(5.00m, result.DiscountTotal);
        Assert.Empty(result.RejectedCoupons);
    }

    [Fact]
    public void A38_TwoCodesOfOneCouponApplyItOnce()
    {
        var result = Store.With(FiveOff()).Code("C1", "c").Code("C2", "c").Price(Of(Item("a", 100.00m)).WithCodes("C1", "C2"));

        Assert.Equal(5.00m, result.DiscountTotal);
        Assert.Equal("C1", result.Line("a").Discounts.Single().CouponCode);
        Assert.Equal(ReasonCodes.CouponAlreadyApplied, result.RejectionOf("C2"));
    }

    [Fact]
    public void A38_AnInvalidFirstCodeLetsTheNextCodeOfTheCouponApply()
    {
        var result = Store.With(FiveOff()).Code("C1", "c", active: false).Code("C2", "c").Code("C3", "c")
            .Price(Of(Item("a", 100.00m)).WithCodes("C1", "C2", "C3"));

        Assert.Equal(5.00m, result.DiscountTotal);
        Assert.Equal("C2", result.Line("a").Discounts.Single().CouponCode);
        Assert.Equal(
            new[] { ("C1", ReasonCodes.Inactive), ("C3", ReasonCodes.CouponAlreadyApplied) },
            result.RejectedCoupons.Select(r => (r.Code, r.Reason)));
    }

    [Fact]
    public void A39_TheCodeIsEchoedAsTheClientSentIt()
    {
        var result = Store.With(FiveOff()).Code("SAVE10", "c").Price(Of(Item("a", 100.00m)).WithCodes("save10"));

        Assert.Equal("save10", result.Line("a").Discounts.Single().CouponCode);
    }

    [Fact]
    public void A48_LegacyModeTakesTheFirstValidCodeWithoutFallback()
    {
        var promotion = Offers.Fixed("promo", OfferKind.CartLevelFixed, 3.00m);
        var x = Offers.Fixed("x", OfferKind.CartLevelFixed, 1.00m).AsCoupon().Exclusive();
        var y = Offers.Fixed("y", OfferKind.CartLevelFixed, 5.00m).AsCoupon();

        var result = Store.With(promotion, x, y).Code("X", "x").Code("Y", "y").Legacy().Price(Of(Item("a", 50.00m)).WithCodes("X", "Y"));

        Assert.Equal(3.00m, result.DiscountTotal);
        Assert.Equal(ReasonCodes.ExclusiveConflict, result.RejectionOf("X"));
        Assert.Equal(ReasonCodes.StackingDisabled, result.RejectionOf("Y"));
    }

    [Fact]
    public void A49_LegacyModeKeepsTheOwnReasonOfInvalidLaterCodes()
    {
        var a = FiveOff("a");
        var b = Offers.Fixed("b", OfferKind.CartLevelFixed, 5.00m, currency: "USD").AsCoupon();
        var c = FiveOff("cc");

        var result = Store.With(a, b, c).Code("A", "a").Code("B", "b").Code("C", "cc").Legacy()
            .Price(Of(Item("i", 50.00m)).WithCodes("A", "B", "C"));

        Assert.Equal(5.00m, result.DiscountTotal);
        Assert.Equal(ReasonCodes.CurrencyNotEligible, result.RejectionOf("B"));
        Assert.Equal(ReasonCodes.StackingDisabled, result.RejectionOf("C"));
    }

    [Fact]
    public void A25_LegacyBogoCouponWithoutACompleteGroupStillBlocksLaterCodes()
    {
        var bogo = Offers.Percent("bogo", OfferKind.BogoPercentage, 100).OnProducts("A").BuyGet(1, 1).AsCoupon();
        var cart = FiveOff("cart");

        var result = Store.With(bogo, cart).Code("BOGO", "bogo").Code("CART", "cart").Legacy()
            .Price(Of(Item("a", 20.00m, 1, "A")).WithCodes("BOGO", "CART"));

        Assert.Equal(0.00m, result.DiscountTotal);
        Assert.Equal(ReasonCodes.NoEligibleItems, result.RejectionOf("BOGO"));
        Assert.Equal(ReasonCodes.StackingDisabled, result.RejectionOf("CART"));
    }

    [Fact]
    public void A49_LegacyModeLaterCodeOfTheSameCouponIsStackingDisabled()
    {
        var result = Store.With(FiveOff()).Code("C1", "c").Code("C2", "c").Legacy().Price(Of(Item("a", 100.00m)).WithCodes("C1", "C2"));

        Assert.Equal(ReasonCodes.StackingDisabled, result.RejectionOf("C2"));
    }

    [Fact]
    public void StackableModeAppliesSeveralCoupons()
    {
        var result = Store.With(FiveOff("a"), FiveOff("b")).Code("A", "a").Code("B", "b").Price(Of(Item("i", 50.00m)).WithCodes("A", "B"));

        Assert.Equal(10.00m, result.DiscountTotal);
        Assert.Empty(result.RejectedCoupons);
    }

    [Fact]
    public void A50_OnlyTheFirstCodeOfAnExclusiveCouponCompetes()
    {
        var exclusive = FiveOff("x").Exclusive();
        var pricing = Store.With(exclusive).Code("X1", "x").Code("X2", "x");

        var alone = pricing.Price(Of(Item("a", 50.00m)).WithCodes("X2", "X1"));

        Assert.Equal(5.00m, alone.DiscountTotal);
        Assert.Equal("X2", alone.Line("a").Discounts.Single().CouponCode);
        Assert.Equal(ReasonCodes.CouponAlreadyApplied, alone.RejectionOf("X1"));

        var promotion = Offers.Fixed("promo", OfferKind.CartLevelFixed, 10.00m);
        var against = Store.With(exclusive, promotion).Code("X1", "x").Code("X2", "x").Price(Of(Item("a", 50.00m)).WithCodes("X2", "X1"));

        Assert.Equal(10.00m, against.DiscountTotal);
        Assert.Equal(ReasonCodes.ExclusiveConflict, against.RejectionOf("X2"));
        Assert.Equal(ReasonCodes.CouponAlreadyApplied, against.RejectionOf("X1"));
    }
}
