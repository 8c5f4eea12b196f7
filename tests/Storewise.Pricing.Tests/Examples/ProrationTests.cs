using Storewise.Pricing.Tests.Support;
using static Storewise.Pricing.Tests.Support.Carts;

namespace Storewise.Pricing.Tests.Examples;

public sealed class ProrationTests
{
    [Fact]
    public void A06_CartPercentageIsTakenOfTheTotalAndRoundedOnce()
    {
        var result = Store.With(Offers.Percent("p", OfferKind.CartLevelPercentage, 10))
            .Price(Of(Item("a", 0.05m), Item("b", 0.05m), Item("c", 0.05m)));

        Assert.Equal(0.02m, result.DiscountTotal);
        Assert.Equal(0.01m, result.Line("a").TotalDiscount);
        Assert.Equal(0.01m, result.Line("b").TotalDiscount);
        Assert.Empty(result.Line("c").Discounts);
    }

    [Fact]
    public void A07_LargestRemainder_GivesLeftoverCentToLargestFraction()
    {
        var result = Store.With(Offers.Fixed("f", OfferKind.CartLevelFixed, 0.05m))
            .Price(Of(Item("a", 10.00m), Item("b", 10.00m), Item("c", 80.00m)));

        Assert.Equal(0.01m, result.Line("a").TotalDiscount);
        Assert.Equal(0.00m, result.Line("b").TotalDiscount);
        Assert.Equal(0.04m, result.Line("c").TotalDiscount);
    }

    [Fact]
    public void A08_EqualRemaindersGoToTheSmallerLineIdNotRequestOrder()
    {
        var result = Store.With(Offers.Fixed("f", OfferKind.CartLevelFixed, 0.01m))
            .Price(Of(Item("b", 5.00m), Item("a", 5.00m)));

        Assert.Equal(0.01m, result.Line("a").TotalDiscount);
        Assert.Empty(result.Line("b").Discounts);
    }

    [Fact]
    public void A08_ThreeWaySplit_PutsTheExtraCentOnTheSmallestLineId()
    {
        var result = Store.With(Offers.Fixed("f", OfferKind.CartLevelFixed, 10.00m))
            .Price(Of(Item("c", 5.00m), Item("a", 5.00m), Item("b", 5.00m)));

        Assert.Equal(3.34m, result.Line("a").TotalDiscount);
        Assert.Equal(3.33m, result.Line("b").TotalDiscount);
        Assert.Equal(3.33m, result.Line("c").TotalDiscount);
        Assert.Equal(10.00m, result.DiscountTotal);
    }

    [Fact]
    public void A08_EqualRemaindersPreferTheLargerWeightBeforeTheLineId()
    {
        // Quotas in cents: a 0.5, z 1.5. Both remainders are 0.5; the larger weight (z) wins before the id (a).
        var result = Store.With(Offers.Fixed("f", OfferKind.CartLevelFixed, 0.02m))
            .Price(Of(Item("a", 1.00m), Item("z", 3.00m)));

        Assert.Equal(0.00m, result.Line("a").TotalDiscount);
        Assert.Equal(0.02m, result.Line("z").TotalDiscount);
    }

    [Fact]
    public void A09_LinesAlreadyAtZeroTakeNoShareOfACartDiscount()
    {
        var free = Offers.Percent("free", OfferKind.ProductLevelPercentage, 100).OnProducts("A");
        var cart = Offers.Fixed("cart", OfferKind.CartLevelFixed, 10.00m);

        var result = Store.With(free, cart).Price(Of(Item("a", 100.00m, 1, "A"), Item("b", 100.00m, 1, "B")));

        Assert.Equal(10.00m, result.Line("b").AmountFrom("cart"));
        Assert.Equal(0.00m, result.Line("a").AmountFrom("cart"));
        Assert.Equal(110.00m, result.DiscountTotal);
    }
}
