using Storewise.Pricing.Tests.Support;
using static Storewise.Pricing.Tests.Support.Carts;

namespace Storewise.Pricing.Tests.Examples;

/// <summary>
/// docs/pricing-semantics.md, "Near-miss hints": an applied tiered offer below its highest tier lists what reaches
/// the next tier (docs/decisions/1004-next-tier-hints-for-applied-offers.md).
/// </summary>
public sealed class NextTierHintTests
{
    private static Offer SpendMore() =>
        Offers.Percent("spend", OfferKind.CartLevelPercentage, 10).WithMinimum(100.00m)
            .WithTiers(Rewards.CartTier(150m, 15), Rewards.CartTier(200m, 20));

    [Theory]
    [InlineData(120.00, 30.00)] // below the first tier, at the category's own 10%
    [InlineData(150.00, 50.00)]
    [InlineData(199.99, 0.01)]
    public void ACartTierBelowTheHighestGivesTheValueMissingForTheNext(decimal price, decimal missing)
    {
        var result = Store.With(SpendMore()).Price(Of(Item("a", price)));

        var next = Assert.Single(result.NextTiers);
        Assert.Equal(("spend", (string?)null), (next.Id, next.CouponCode));
        Assert.Equal(new OfferHint { Kind = HintKind.CartValue, MissingValue = missing, Currency = "EUR" }, next.Hint);
    }

    [Fact]
    public void AddingTheMissingValueReachesTheNextTier()
    {
        var result = Store.With(SpendMore()).Price(Of(Item("a", 120.00m), Item("b", 30.00m)));

        Assert.Equal(22.50m, result.DiscountTotal); // 15% of 150.00
    }

    [Fact]
    public void AtTheHighestTierOrWithoutExplainThereIsNoNextTier()
    {
        Assert.Empty(Store.With(SpendMore()).Price(Of(Item("a", 250.00m))).NextTiers);
        Assert.Empty(Store.With(SpendMore()).Price(Of(Item("a", 120.00m)), explain: false).NextTiers);
    }

    [Fact]
    public void AVolumeTierGivesTheQualifyingUnitsMissing()
    {
        var offer = Offers.Percent("volume", OfferKind.ProductLevelPercentage, 5).OnProducts("A")
            .WithTiers(Rewards.VolumeTier(3, 10), Rewards.VolumeTier(5, 20));

        var result = Store.With(offer).Price(Of(Item("a", 10.00m, 3, "A"), Item("b", 10.00m, 4, "B")));

        var hint = Assert.Single(result.NextTiers).Hint;
        Assert.Equal(HintKind.Units, hint.Kind);
        Assert.Equal(2, hint.MissingUnits);
        Assert.Equal(["A"], hint.Products);
    }

    [Fact]
    public void AFixedTierWithoutTheCartCurrencyIsPassedOver()
    {
        var offer = Offers.Fixed("five", OfferKind.CartLevelFixed, 5.00m)
            .WithTiers(Rewards.CartTierAmount(100m, 8.00m, "USD"), Rewards.CartTierAmount(200m, 15.00m));

        var hint = Assert.Single(Store.With(offer).Price(Of(Item("a", 60.00m))).NextTiers).Hint;

        Assert.Equal(140.00m, hint.MissingValue);
    }
}
