using Storewise.Pricing.Tests.Support;
using static Storewise.Pricing.Tests.Support.Carts;

namespace Storewise.Pricing.Tests.Examples;

public sealed class BogoTests
{
    private static Offer FreeSecond(params string[] products) =>
        Offers.Percent("bogo", OfferKind.BogoPercentage, 100).OnProducts(products).BuyGet(1, 1);

    [Fact]
    public void A15_TheCheapestUnitsOverallAreDiscounted()
    {
        var result = Store.With(FreeSecond("A", "B", "C", "D"))
            .Price(Of(Item("a", 100.00m, 1, "A"), Item("b", 90.00m, 1, "B"), Item("c", 20.00m, 1, "C"), Item("d", 10.00m, 1, "D")));

        Assert.Equal(30.00m, result.DiscountTotal);
        Assert.Equal(20.00m, result.Line("c").TotalDiscount);
        Assert.Equal(10.00m, result.Line("d").TotalDiscount);
    }

    [Fact]
    public void A16_CheapestIsMeasuredOnTheRemainingValue()
    {
        var half = Offers.Percent("half", OfferKind.ProductLevelPercentage, 50).OnProducts("A");

        var result = Store.With(half, FreeSecond("A", "B")).Price(Of(Item("a", 80.00m, 1, "A"), Item("b", 50.00m, 1, "B")));

        Assert.Equal(40.00m, result.Line("a").AmountFrom("bogo"));
        Assert.Equal(0.00m, result.Line("b").TotalDiscount);
    }

    [Fact]
    public void A16_ZeroValuedUnitsAreTheCheapest()
    {
        var result = Store.With(FreeSecond("A", "B", "G"))
            .Price(Of(Item("a", 80.00m, 1, "A"), Item("b", 50.00m, 1, "B"), Item("gift", 0.00m, 1, "G")));

        Assert.Equal(0.00m, result.DiscountTotal);
        Assert.Equal(ReasonCodes.NoEligibleItems, result.ReasonFor("bogo"));
    }

    [Fact]
    public void A17_BogoFixedIsTakenOffEachDiscountedUnit()
    {
        var offer = Offers.Fixed("bogo", OfferKind.BogoFixed, 5.00m).OnProducts("A").BuyGet(2, 2);

        var result = Store.With(offer).Price(Of(Item("a", 10.00m, 4, "A")));

        Assert.Equal(10.00m, result.DiscountTotal);
    }

    [Fact]
    public void A17_BogoFixedIsCappedAtTheUnitValue()
    {
        var offer = Offers.Fixed("bogo", OfferKind.BogoFixed, 5.00m).OnProducts("A", "B").BuyGet(1, 1);

        var result = Store.With(offer).Price(Of(Item("a", 10.00m, 1, "A"), Item("b", 3.00m, 1, "B")));

        Assert.Equal(3.00m, result.Line("b").TotalDiscount);
        Assert.Equal(0.00m, result.Line("a").TotalDiscount);
    }

    [Fact]
    public void A18_EqualUnitsGoToTheSmallerLineId()
    {
        var offer = Offers.Percent("bogo", OfferKind.BogoPercentage, 50).OnProducts("Y", "X").BuyGet(1, 1);

        var result = Store.With(offer).Price(Of(Item("y", 9.99m, 1, "Y"), Item("x", 9.99m, 1, "X")));

        Assert.Equal(5.00m, result.Line("x").TotalDiscount);
        Assert.Equal(0.00m, result.Line("y").TotalDiscount);
    }

    [Fact]
    public void A19_GloballyExcludedProductsDoNotCountTowardsAGroup()
    {
        var result = Store.With(FreeSecond("A", "B")).Excluding("A").Price(Of(Item("a", 80.00m, 1, "A"), Item("b", 50.00m, 1, "B")));

        Assert.Equal(0.00m, result.DiscountTotal);
        Assert.Equal(ReasonCodes.NoEligibleItems, result.ReasonFor("bogo"));
    }

    [Fact]
    public void BogoWithMixedPrices_DiscountsTheCheapestUnitsOfAllGroups()
    {
        // Buy 2 get 1 free over units 25, 10, 10, 10, 4, 4: two groups, so the two 4.00 units are free.
        var offer = Offers.Percent("bogo", OfferKind.BogoPercentage, 100).OnProducts("A", "B", "C").BuyGet(2, 1);

        var result = Store.With(offer).Price(Of(Item("a", 10.00m, 3, "A"), Item("b", 4.00m, 2, "B"), Item("c", 25.00m, 1, "C")));

        Assert.Equal(8.00m, result.Line("b").TotalDiscount);
        Assert.Equal(8.00m, result.DiscountTotal);
    }

    [Fact]
    public void BogoPercentageOnPartOfALineRoundsOnThePartsValue()
    {
        // Buy 1 get 1 at 50% on 3 × 3.33: one group, one unit worth 3.33, 50% = 1.665 → 1.67.
        var offer = Offers.Percent("bogo", OfferKind.BogoPercentage, 50).OnProducts("A").BuyGet(1, 1);

        var result = Store.With(offer).Price(Of(Item("a", 3.33m, 3, "A")));

        Assert.Equal(1.67m, result.DiscountTotal);
    }

    [Fact]
    public void A41_BogoWithOneQualifyingUnitIsReportedNotApplied()
    {
        var result = Store.With(FreeSecond("A")).Price(Of(Item("a", 10.00m, 1, "A")));

        Assert.Equal(ReasonCodes.NoEligibleItems, result.ReasonFor("bogo"));
    }
}
