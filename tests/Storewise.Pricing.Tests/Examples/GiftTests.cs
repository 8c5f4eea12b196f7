using Storewise.Pricing.Tests.Support;
using static Storewise.Pricing.Tests.Support.Carts;

namespace Storewise.Pricing.Tests.Examples;

/// <summary>The worked examples of docs/pricing-semantics.md, "Gifts".</summary>
public sealed class GiftTests
{
    private static Offer MugFrom50() => Rewards.Gift("mug", ("MUG", 1)).WithMinimum(50m);

    [Fact]
    public void AGiftIsAddedAtPriceZeroOnceTheMinimumIsReached()
    {
        var result = Store.With(MugFrom50()).Price(Of(Item("c", 60.00m, 1, "COFFEE")));

        var added = Assert.Single(result.AddedItems);
        Assert.Equal(new AddedItem("MUG", 1, OfferSource.Promotion, "mug", null, "Offer mug"), added);
        Assert.Equal(60.00m, result.Total);
        Assert.Equal(0.00m, result.DiscountTotal);
        Assert.Null(result.ReasonFor("mug"));
    }

    [Fact]
    public void BelowTheMinimumNothingIsAdded()
    {
        var result = Store.With(MugFrom50()).Price(Of(Item("c", 40.00m, 1, "COFFEE")));

        Assert.Empty(result.AddedItems);
        Assert.Equal(ReasonCodes.BelowMinimumCartValue, result.ReasonFor("mug"));
    }

    [Fact]
    public void AGiftAlreadyInTheCartIsDiscountedToZeroInsteadOfAddedAgain()
    {
        var result = Store.With(MugFrom50()).Price(Of(Item("c", 60.00m, 1, "COFFEE"), Item("m", 8.00m, 2, "MUG")));

        Assert.Empty(result.AddedItems);
        Assert.Equal(8.00m, result.Line("m").TotalDiscount);
        Assert.Equal(8.00m, result.Line("m").Total);
    }

    [Fact]
    public void AGiftHeldToItsCapSpreadsTheCapOverTheUnitsInTheCart()
    {
        var offer = Rewards.Gift("kit", ("MUG", 1), ("PIN", 2)).MaxDiscount(1.00m);

        var result = Store.With(offer).Price(Of(Item("m", 100.00m, 1, "MUG"), Item("p", 0.10m, 1, "PIN")));

        Assert.Equal(1.00m, result.Line("m").AmountFrom("kit"));
        Assert.Equal(0.00m, result.Line("p").TotalDiscount);
        Assert.Equal(0.10m, result.Line("p").Total);
        var added = Assert.Single(result.AddedItems);
        Assert.Equal(("PIN", 1), (added.ProductId, added.Quantity));
    }

    [Fact]
    public void AGiftInTheCartIsSettledBeforeACartDiscount()
    {
        var tenPercent = Offers.Percent("ten", OfferKind.CartLevelPercentage, 10);

        var result = Store.With(MugFrom50(), tenPercent).Price(Of(Item("c", 60.00m, 1, "COFFEE"), Item("m", 8.00m, 1, "MUG")));

        Assert.Equal(8.00m, result.Line("m").AmountFrom("mug"));
        Assert.Equal(0.00m, result.Line("m").AmountFrom("ten"));
        Assert.Equal(6.00m, result.Line("c").AmountFrom("ten"));
    }

    [Fact]
    public void ABuySetGivesTheGiftPerCompleteGroupUpToMaxApplications()
    {
        var offer = Rewards.Gift("mug", ("MUG", 1)).BuyFrom(2, "COFFEE").MaxApplications(2);

        Assert.Equal(ReasonCodes.NoEligibleItems, Store.With(offer).Price(Of(Item("c", 9.00m, 1, "COFFEE"))).ReasonFor("mug"));
        Assert.Equal(1, Assert.Single(Store.With(offer).Price(Of(Item("c", 9.00m, 3, "COFFEE"))).AddedItems).Quantity);
        Assert.Equal(2, Assert.Single(Store.With(offer).Price(Of(Item("c", 9.00m, 7, "COFFEE"))).AddedItems).Quantity);
    }

    [Fact]
    public void AGiftProductNeverCountsTowardsItsOwnBuySet()
    {
        var offer = Rewards.Gift("mug", ("MUG", 1)).BuyFrom(1, "MUG", "COFFEE");

        var result = Store.With(offer).Price(Of(Item("m", 8.00m, 1, "MUG")));

        Assert.Equal(0.00m, result.DiscountTotal);
        Assert.Empty(result.AddedItems);
    }

    [Fact]
    public void AGiftOfALosingScenarioIsNotGiven()
    {
        var exclusive = Offers.Percent("x", OfferKind.CartLevelPercentage, 20).Exclusive();

        var result = Store.With(MugFrom50(), exclusive).Price(Of(Item("c", 100.00m, 1, "COFFEE")));

        Assert.Empty(result.AddedItems);
        Assert.Equal(ReasonCodes.ExclusiveConflict, result.ReasonFor("mug"));
        Assert.Equal(20.00m, result.DiscountTotal);
    }

    [Fact]
    public void AnExclusiveGiftIsWorthWhatItTakesOffTheCart()
    {
        var exclusiveMug = MugFrom50().Exclusive();
        var fiveOff = Offers.Fixed("five", OfferKind.CartLevelFixed, 5.00m);

        var added = Store.With(exclusiveMug, fiveOff).Price(Of(Item("c", 60.00m, 1, "COFFEE")));
        var inCart = Store.With(exclusiveMug, fiveOff).Price(Of(Item("c", 60.00m, 1, "COFFEE"), Item("m", 8.00m, 1, "MUG")));

        Assert.Empty(added.AddedItems);
        Assert.Equal(ReasonCodes.ExclusiveConflict, added.ReasonFor("mug"));
        Assert.Equal(8.00m, inCart.DiscountTotal);
        Assert.Equal(ReasonCodes.ExclusiveConflict, inCart.ReasonFor("five"));
    }

    [Fact]
    public void AGiftCouponNamesItsCode()
    {
        var coupon = Rewards.Gift("mug", ("MUG", 1)).AsCoupon();

        var result = Store.With(coupon).Code("FREEMUG", "mug").Price(Of(Item("c", 10.00m, 1, "COFFEE")).WithCodes("freemug"));

        Assert.Equal("freemug", Assert.Single(result.AddedItems).CouponCode);
        Assert.Empty(result.RejectedCoupons);
    }
}
