using Storewise.Pricing.Tests.Support;
using static Storewise.Pricing.Tests.Support.Carts;

namespace Storewise.Pricing.Tests.Examples;

public sealed class ReportingTests
{
    [Fact]
    public void A41_FreeShippingWithoutShippingCostIsReportedNotApplied()
    {
        var result = Store.With(Offers.Percent("ship", OfferKind.FreeShippingPercentage, 100)).Price(Of(Item("a", 10.00m)));

        Assert.Equal(ReasonCodes.NoEligibleItems, result.ReasonFor("ship"));
        Assert.Empty(result.ShippingDiscounts);
        Assert.Equal(0.00m, result.ShippingTotal);
    }

    [Fact]
    public void A41_CartPercentageAfterFullProductDiscountsIsReportedNotApplied()
    {
        var free = Offers.Percent("free", OfferKind.ProductLevelPercentage, 100).OnProducts("A");
        var cart = Offers.Percent("cart", OfferKind.CartLevelPercentage, 10);

        var result = Store.With(free, cart).Price(Of(Item("a", 10.00m, 1, "A")));

        Assert.Equal(ReasonCodes.NoEligibleItems, result.ReasonFor("cart"));
        Assert.Null(result.ReasonFor("free"));
    }

    [Fact]
    public void A41_CouponThatTakesNothingIsRejectedWithNoEligibleItems()
    {
        var coupon = Offers.Percent("ship", OfferKind.FreeShippingPercentage, 100).AsCoupon();

        var result = Store.With(coupon).Code("SHIP", "ship").Price(Of(Item("a", 10.00m)).WithCodes("SHIP"));

        Assert.Equal(ReasonCodes.NoEligibleItems, result.RejectionOf("SHIP"));
    }

    [Fact]
    public void A42_ZeroSharesGetNoEntry()
    {
        var result = Store.With(Offers.Fixed("f", OfferKind.CartLevelFixed, 0.01m)).Price(Of(Item("a", 10.00m), Item("b", 0.01m)));

        Assert.Equal(0.01m, result.Line("a").TotalDiscount);
        Assert.Empty(result.Line("b").Discounts);
    }

    [Fact]
    public void A43_InactivePromotionsAreListedWithTheirReason()
    {
        var inactive = Offers.Percent("off", OfferKind.CartLevelPercentage, 10) with { Active = false };
        var future = Offers.Percent("later", OfferKind.ProductLevelPercentage, 10).OnProducts("Z") with { ValidFrom = Offers.Now.AddDays(1) };

        var result = Store.With(inactive, future).Price(Of(Item("a", 10.00m)));

        Assert.Equal(ReasonCodes.Inactive, result.ReasonFor("off"));
        Assert.Equal(ReasonCodes.NotStarted, result.ReasonFor("later"));
    }

    [Fact]
    public void A43_NotAppliedIsNullWithoutExplain()
    {
        var result = Store.With(Offers.Percent("p", OfferKind.CartLevelPercentage, 10)).Price(Of(Item("a", 10.00m)), explain: false);

        Assert.Null(result.NotApplied);
    }

    [Fact]
    public void A44_NotAppliedIsSortedByLowerCasedIdAndRejectionsByCodeOrder()
    {
        var offers = new[] { "c3", "B2", "a1" }.Select(id => Offers.Percent(id, OfferKind.CartLevelPercentage, 10) with { Active = false }).ToArray();

        var result = Store.With(offers).Price(Of(Item("a", 10.00m)).WithCodes("ZZ", "AA", "MM"));

        Assert.Equal(new[] { "a1", "B2", "c3" }, result.NotApplied!.Select(n => n.Id));
        Assert.Equal(new[] { "ZZ", "AA", "MM" }, result.RejectedCoupons.Select(r => r.Code));
    }

    [Fact]
    public void AppliedPromotionsAreNotListedAsNotApplied()
    {
        var result = Store.With(Offers.Percent("p", OfferKind.CartLevelPercentage, 10)).Price(Of(Item("a", 10.00m)));

        Assert.Empty(result.NotApplied!);
    }
}
