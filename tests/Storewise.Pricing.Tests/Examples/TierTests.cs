using Storewise.Pricing.Tests.Support;
using static Storewise.Pricing.Tests.Support.Carts;

namespace Storewise.Pricing.Tests.Examples;

/// <summary>The worked examples of docs/pricing-semantics.md, "Tiers".</summary>
public sealed class TierTests
{
    private static Offer SpendMore() =>
        Offers.Percent("spend", OfferKind.CartLevelPercentage, 10).WithMinimum(100m).WithTiers(Rewards.CartTier(100m, 10), Rewards.CartTier(200m, 20));

    [Theory]
    [InlineData(150.00, 15.00)]
    [InlineData(199.99, 20.00)]
    [InlineData(200.00, 40.00)]
    [InlineData(250.00, 50.00)]
    public void TheHighestCartTierReachedApplies(decimal price, decimal discount)
    {
        var result = Store.With(SpendMore()).Price(Of(Item("a", price)));

        Assert.Equal(discount, result.DiscountTotal);
    }

    [Fact]
    public void BelowTheOffersOwnMinimumNoTierApplies()
    {
        var result = Store.With(SpendMore()).Price(Of(Item("a", 90.00m)));

        Assert.Equal(0.00m, result.DiscountTotal);
        Assert.Equal(ReasonCodes.BelowMinimumCartValue, result.ReasonFor("spend"));
    }

    [Fact]
    public void TheEntryValueIsThePercentOfTheTierReached()
    {
        var result = Store.With(SpendMore()).Price(Of(Item("a", 250.00m)));

        Assert.Equal(20m, Assert.Single(result.Line("a").Discounts).Value);
    }

    [Fact]
    public void FixedTiersTakeTheirAmountInTheCartCurrency()
    {
        var offer = Offers.Fixed("five", OfferKind.CartLevelFixed, 5.00m).WithTiers(Rewards.CartTierAmount(200m, 15.00m));

        Assert.Equal(5.00m, Store.With(offer).Price(Of(Item("a", 199.99m))).DiscountTotal);
        Assert.Equal(15.00m, Store.With(offer).Price(Of(Item("a", 200.00m))).DiscountTotal);
    }

    [Fact]
    public void CartTiersAreMeasuredOnTheCatalogTotalBeforeDiscounts()
    {
        var half = Offers.Percent("half", OfferKind.ProductLevelPercentage, 50).OnProducts("A");

        var result = Store.With(half, SpendMore()).Price(Of(Item("a", 150.00m, 1, "A"), Item("b", 50.00m, 1, "B")));

        // 200.00 before discounts reaches the 20% tier, taken of the 125.00 left.
        Assert.Equal(75.00m + 25.00m, result.DiscountTotal);
    }

    [Theory]
    [InlineData(2, 1.00)]
    [InlineData(3, 3.00)]
    [InlineData(4, 4.00)]
    [InlineData(5, 10.00)]
    public void VolumeTiersCountTheQualifyingUnitsOfTheCart(int quantity, decimal discount)
    {
        var offer = Offers.Percent("volume", OfferKind.ProductLevelPercentage, 5).OnProducts("A")
            .WithTiers(Rewards.VolumeTier(3, 10), Rewards.VolumeTier(5, 20));

        var result = Store.With(offer).Price(Of(Item("a", 10.00m, quantity, "A"), Item("b", 10.00m, 4, "B")));

        Assert.Equal(discount, result.DiscountTotal);
    }

    [Fact]
    public void VolumeTiersAddTheUnitsOfEveryQualifyingLine()
    {
        var offer = Offers.Percent("volume", OfferKind.ProductLevelPercentage, 5).OnProducts("A", "B").WithTiers(Rewards.VolumeTier(3, 10));

        var result = Store.With(offer).Price(Of(Item("a", 10.00m, 2, "A"), Item("b", 20.00m, 1, "B")));

        Assert.Equal(2.00m, result.Line("a").TotalDiscount);
        Assert.Equal(2.00m, result.Line("b").TotalDiscount);
    }
}
