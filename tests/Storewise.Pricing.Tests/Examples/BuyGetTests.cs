using Storewise.Pricing.Tests.Support;
using static Storewise.Pricing.Tests.Support.Carts;

namespace Storewise.Pricing.Tests.Examples;

/// <summary>The worked examples of docs/pricing-semantics.md, "Buy from one set, get from another".</summary>
public sealed class BuyGetTests
{
    private static Offer ShoesThenSocks() =>
        Offers.Percent("socks", OfferKind.BogoPercentage, 100).BuyFrom(2, "S1", "S2", "S3").GetFrom(1, "K1", "K2");

    private static readonly Cart ShoesAndSocks =
        Of(Item("s1", 80.00m, 1, "S1"), Item("s2", 60.00m, 1, "S2"), Item("k1", 10.00m, 1, "K1"), Item("k2", 5.00m, 1, "K2"));

    [Fact]
    public void TheCheapestUnitOfTheGetSetIsGiven()
    {
        var result = Store.With(ShoesThenSocks()).Price(ShoesAndSocks);

        Assert.Equal(5.00m, result.DiscountTotal);
        Assert.Equal(5.00m, result.Line("k2").TotalDiscount);
    }

    [Fact]
    public void MostExpensiveGivesTheDearestUnitOfTheGetSet()
    {
        var result = Store.With(ShoesThenSocks().MostExpensiveFirst()).Price(ShoesAndSocks);

        Assert.Equal(10.00m, result.Line("k1").TotalDiscount);
        Assert.Equal(10.00m, result.DiscountTotal);
    }

    [Fact]
    public void EveryApplicationNeedsItsOwnBuyUnits()
    {
        var result = Store.With(ShoesThenSocks()).Price(Of(Item("s1", 80.00m, 3, "S1"), Item("k1", 10.00m, 2, "K1")));

        // Three shoes make one group of two: one sock.
        Assert.Equal(10.00m, result.DiscountTotal);
    }

    [Fact]
    public void AUnitIsNeverBothBoughtAndGiven()
    {
        var offer = Offers.Percent("b", OfferKind.BogoPercentage, 100).BuyFrom(1, "A", "B").GetFrom(1, "B");

        Assert.Equal(0.00m, Store.With(offer).Price(Of(Item("b", 10.00m, 1, "B"))).DiscountTotal);
        Assert.Equal(10.00m, Store.With(offer).Price(Of(Item("b", 10.00m, 2, "B"))).DiscountTotal);
        Assert.Equal(10.00m, Store.With(offer).Price(Of(Item("a", 20.00m, 1, "A"), Item("b", 10.00m, 1, "B"))).DiscountTotal);
    }

    [Fact]
    public void GivingTheCheapestMayLeaveTooFewToBuy()
    {
        // Get from {A, B}, buy from {A}: the cheapest get unit is the A at 5.00; giving it leaves no A to buy, so the
        // one application there is gives the cheapest units only as long as enough remain to buy.
        var offer = Offers.Percent("b", OfferKind.BogoPercentage, 100).BuyFrom(1, "A").GetFrom(1, "A", "B");

        var result = Store.With(offer).Price(Of(Item("a", 5.00m, 1, "A"), Item("b", 8.00m, 1, "B")));

        Assert.Equal(0.00m, result.DiscountTotal);
        Assert.Equal(ReasonCodes.NoEligibleItems, result.ReasonFor("b"));
    }

    [Fact]
    public void MaxApplicationsBoundsTheGroupsOfTheOneSetForm()
    {
        var offer = Offers.Percent("b", OfferKind.BogoPercentage, 100).OnProducts("A").BuyGet(1, 1).MaxApplications(2);

        var result = Store.With(offer).Price(Of(Item("a", 10.00m, 6, "A")));

        Assert.Equal(20.00m, result.DiscountTotal);
    }

    [Fact]
    public void MaxApplicationsBoundsTheTwoSetForm()
    {
        var offer = Offers.Fixed("b", OfferKind.BogoFixed, 3.00m).BuyFrom(1, "S1").GetFrom(1, "K1").MaxApplications(2);

        var result = Store.With(offer).Price(Of(Item("s", 50.00m, 5, "S1"), Item("k", 10.00m, 5, "K1")));

        Assert.Equal(6.00m, result.DiscountTotal);
    }
}
