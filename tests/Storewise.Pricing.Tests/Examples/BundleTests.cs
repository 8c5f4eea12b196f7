using Storewise.Pricing.Tests.Support;
using static Storewise.Pricing.Tests.Support.Carts;

namespace Storewise.Pricing.Tests.Examples;

public sealed class BundleTests
{
    [Fact]
    public void A20_BundleFixedAppliesOncePerSetAndSpreadsByValue()
    {
        var offer = Offers.Fixed("b", OfferKind.BundleFixed, 10.00m).Bundle(("A", 1), ("B", 1));

        var result = Store.With(offer).Price(Of(Item("a", 30.00m, 2, "A"), Item("b", 20.00m, 2, "B")));

        Assert.Equal(20.00m, result.DiscountTotal);
        Assert.Equal(12.00m, result.Line("a").TotalDiscount);
        Assert.Equal(8.00m, result.Line("b").TotalDiscount);
    }

    [Fact]
    public void A20_BundleFixedIsCappedAtTheValueOfTheSets()
    {
        var offer = Offers.Fixed("b", OfferKind.BundleFixed, 10.00m).Bundle(("A", 1), ("B", 1));

        var result = Store.With(offer).Price(Of(Item("a", 3.00m, 1, "A"), Item("b", 2.00m, 1, "B")));

        Assert.Equal(5.00m, result.DiscountTotal);
        Assert.Equal(0.00m, result.Line("a").Total);
        Assert.Equal(0.00m, result.Line("b").Total);
    }

    [Fact]
    public void A20_BundleFixedWithPartOfALineUsesTheLineAverage()
    {
        // One set uses 1 of a's 3 units (worth 10.00) and b (worth 5.00); 3.00 splits 2.00 / 1.00.
        var offer = Offers.Fixed("b", OfferKind.BundleFixed, 3.00m).Bundle(("A", 1), ("B", 1));

        var result = Store.With(offer).Price(Of(Item("a", 10.00m, 3, "A"), Item("b", 5.00m, 1, "B")));

        Assert.Equal(2.00m, result.Line("a").TotalDiscount);
        Assert.Equal(1.00m, result.Line("b").TotalDiscount);
    }

    [Fact]
    public void A21_AUnitJoinsAtMostOneBundleSet()
    {
        var first = Offers.Fixed("ab", OfferKind.BundleFixed, 20.00m).Bundle(("A", 1), ("B", 1));
        var second = Offers.Fixed("ac", OfferKind.BundleFixed, 10.00m).Bundle(("A", 1), ("C", 1));

        var result = Store.With(first, second)
            .Price(Of(Item("a", 50.00m, 1, "A"), Item("b", 50.00m, 1, "B"), Item("c", 50.00m, 1, "C")));

        Assert.Equal(20.00m, result.DiscountTotal);
        Assert.Equal(ReasonCodes.NoEligibleItems, result.ReasonFor("ac"));
    }

    [Fact]
    public void A22_BundlePercentageRoundsOncePerLine()
    {
        var offer = Offers.Percent("b", OfferKind.BundlePercentage, 10).Bundle(("A", 1), ("B", 1));

        var result = Store.With(offer).Price(Of(Item("a", 0.05m, 1, "A"), Item("b", 0.05m, 1, "B")));

        Assert.Equal(0.02m, result.DiscountTotal);
    }

    [Fact]
    public void A23_SetsAreFormedFromTheCheapestUnits()
    {
        var offer = Offers.Percent("b", OfferKind.BundlePercentage, 50).Bundle(("A", 1), ("B", 1));

        var result = Store.With(offer).Price(Of(Item("a1", 100.00m, 1, "A"), Item("a2", 60.00m, 1, "A"), Item("b", 40.00m, 1, "B")));

        Assert.Equal(50.00m, result.DiscountTotal);
        Assert.Equal(30.00m, result.Line("a2").TotalDiscount);
        Assert.Equal(0.00m, result.Line("a1").TotalDiscount);
    }

    [Fact]
    public void A24_BundleIgnoresIncludedProductsButHonoursExcludedProducts()
    {
        var offer = Offers.Percent("b", OfferKind.BundlePercentage, 50).Bundle(("A", 1), ("B", 1)).OnProducts("Z");
        var cart = Of(Item("a", 10.00m, 1, "A"), Item("b", 10.00m, 1, "B"));

        Assert.Equal(10.00m, Store.With(offer).Price(cart).DiscountTotal);

        var excluding = offer with { ExcludedProducts = ["B"] };
        var result = Store.With(excluding).Price(cart);
        Assert.Equal(0.00m, result.DiscountTotal);
        Assert.Equal(ReasonCodes.NoEligibleItems, result.ReasonFor("b"));
    }

    [Fact]
    public void A25_ExclusiveBundleWithoutACompleteSetLosesAsExclusiveConflict()
    {
        var bundle = Offers.Fixed("bundle", OfferKind.BundleFixed, 10.00m).Bundle(("A", 1), ("B", 1)).Exclusive();
        var cart = Offers.Fixed("cart", OfferKind.CartLevelFixed, 1.00m);

        var result = Store.With(bundle, cart).Price(Of(Item("a", 50.00m, 1, "A")));

        Assert.Equal(ReasonCodes.ExclusiveConflict, result.ReasonFor("bundle"));
        Assert.Equal(1.00m, result.DiscountTotal);
    }

    [Fact]
    public void A25_BundleProductListedTwiceNeedsTheSumOfItsQuantities()
    {
        var offer = Offers.Percent("b", OfferKind.BundlePercentage, 50).Bundle(("A", 1), ("A", 1), ("B", 1));

        var oneA = Store.With(offer).Price(Of(Item("a", 10.00m, 1, "A"), Item("b", 10.00m, 1, "B")));
        var twoA = Store.With(offer).Price(Of(Item("a", 10.00m, 2, "A"), Item("b", 10.00m, 1, "B")));

        Assert.Equal(0.00m, oneA.DiscountTotal);
        Assert.Equal(15.00m, twoA.DiscountTotal);
    }

    [Fact]
    public void BundleOccurringTwice_TriggersTwoApplications()
    {
        var offer = Offers.Percent("b", OfferKind.BundlePercentage, 50).Bundle(("A", 1), ("B", 1));

        var result = Store.With(offer).Price(Of(Item("a", 10.00m, 2, "A"), Item("b", 6.00m, 3, "B")));

        Assert.Equal(10.00m, result.Line("a").TotalDiscount);
        Assert.Equal(6.00m, result.Line("b").TotalDiscount);
    }
}
