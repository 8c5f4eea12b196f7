using Storewise.Pricing.Tests.Support;
using static Storewise.Pricing.Tests.Support.Carts;

namespace Storewise.Pricing.Tests.Examples;

public sealed class ExclusivityTests
{
    [Fact]
    public void A45_ShippingCountsInTheBestSaving()
    {
        var shipping = Offers.Percent("ship", OfferKind.FreeShippingPercentage, 100).AsCoupon().Exclusive();
        var promotion = Offers.Fixed("promo", OfferKind.CartLevelFixed, 3.00m);

        var result = Store.With(shipping, promotion).Code("SHIP", "ship").Price(Of(Item("a", 50.00m)).WithShipping(4.95m).WithCodes("SHIP"));

        Assert.Equal(0.00m, result.DiscountTotal);
        Assert.Equal(0.00m, result.ShippingTotal);
        Assert.Equal(50.00m, result.Total);
        Assert.Equal(ReasonCodes.ExclusiveConflict, result.ReasonFor("promo"));
    }

    [Fact]
    public void A46_PromotionsLosingToAnExclusiveCouponAreExclusiveConflict()
    {
        var coupon = Offers.Fixed("c", OfferKind.CartLevelFixed, 20.00m).AsCoupon().Exclusive();
        var promotion = Offers.Percent("promo", OfferKind.CartLevelPercentage, 10);

        var result = Store.With(coupon, promotion).Code("C", "c").Price(Of(Item("a", 150.00m)).WithCodes("C"));

        Assert.Equal(20.00m, result.DiscountTotal);
        Assert.Equal(ReasonCodes.ExclusiveConflict, result.ReasonFor("promo"));
        Assert.Empty(result.RejectedCoupons);
    }

    [Fact]
    public void A47_ExclusiveOfferWorthZeroLosesTheTieToAnEmptyN()
    {
        var coupon = Offers.Percent("ship", OfferKind.FreeShippingPercentage, 100).AsCoupon().Exclusive();

        var result = Store.With(coupon).Code("SHIP", "ship").Price(Of(Item("a", 10.00m)).WithCodes("SHIP"));

        Assert.Equal(ReasonCodes.ExclusiveConflict, result.RejectionOf("SHIP"));
    }

    [Fact]
    public void ExclusiveOfferSavingMoreThanTheStackWins()
    {
        var exclusive = Offers.Percent("ex", OfferKind.CartLevelPercentage, 20).Exclusive();
        var tenPercent = Offers.Percent("ten", OfferKind.CartLevelPercentage, 10);
        var fiveOff = Offers.Fixed("five", OfferKind.CartLevelFixed, 5.00m);

        var result = Store.With(exclusive, tenPercent, fiveOff).Price(Of(Item("a", 100.00m)));

        Assert.Equal(20.00m, result.DiscountTotal);
        Assert.Equal(ReasonCodes.ExclusiveConflict, result.ReasonFor("ten"));
        Assert.Equal(ReasonCodes.ExclusiveConflict, result.ReasonFor("five"));
    }

    [Fact]
    public void StackedOffersSavingMoreThanTheExclusiveWin()
    {
        var exclusive = Offers.Percent("ex", OfferKind.CartLevelPercentage, 14).Exclusive();
        var tenPercent = Offers.Percent("ten", OfferKind.CartLevelPercentage, 10);
        var fiveOff = Offers.Fixed("five", OfferKind.CartLevelFixed, 5.00m);

        var result = Store.With(exclusive, tenPercent, fiveOff).Price(Of(Item("a", 100.00m)));

        Assert.Equal(15.00m, result.DiscountTotal);
        Assert.Equal(new[] { 10.00m, 5.00m }, result.Line("a").Amounts());
        Assert.Equal(ReasonCodes.ExclusiveConflict, result.ReasonFor("ex"));
    }

    [Fact]
    public void ExclusiveTyingWithTheStackLosesToTheStack()
    {
        var exclusive = Offers.Percent("ex", OfferKind.CartLevelPercentage, 15).Exclusive();
        var tenPercent = Offers.Percent("ten", OfferKind.CartLevelPercentage, 10);
        var fiveOff = Offers.Fixed("five", OfferKind.CartLevelFixed, 5.00m);

        var result = Store.With(exclusive, tenPercent, fiveOff).Price(Of(Item("a", 100.00m)));

        Assert.Equal(ReasonCodes.ExclusiveConflict, result.ReasonFor("ex"));
        Assert.True(result.Applied("ten"));
    }

    [Fact]
    public void A03_TiedExclusiveOffersGoToTheOlderOne()
    {
        var newer = Offers.Fixed("a-newer", OfferKind.CartLevelFixed, 5.00m).Exclusive();
        var older = Offers.Fixed("z-older", OfferKind.CartLevelFixed, 5.00m).Exclusive().Created(Offers.LongAgo.AddDays(-1));

        var result = Store.With(newer, older).Price(Of(Item("a", 50.00m)));

        Assert.True(result.Applied("z-older"));
        Assert.Equal(ReasonCodes.ExclusiveConflict, result.ReasonFor("a-newer"));
    }

    [Fact]
    public void ExclusiveAppliesAloneWithItsEntryMarkedExclusive()
    {
        var exclusive = Offers.Fixed("ex", OfferKind.CartLevelFixed, 30.00m).Exclusive();
        var other = Offers.Percent("ten", OfferKind.CartLevelPercentage, 10);

        var result = Store.With(exclusive, other).Price(Of(Item("a", 100.00m)));

        var entry = Assert.Single(result.Line("a").Discounts);
        Assert.True(entry.Exclusive);
        Assert.Equal(30.00m, entry.Amount);
    }
}
