using Storewise.Pricing.Tests.Support;
using static Storewise.Pricing.Tests.Support.Carts;

namespace Storewise.Pricing.Tests.Examples;

/// <summary>docs/pricing-semantics.md, "Qualification": what applies and what nearly applies, by saving, with limits.</summary>
public sealed class QualificationTests
{
    [Fact]
    public void AppliedAndNearlyAppliedOffersAreSortedBySaving()
    {
        var store = Store.With(
            Offers.Percent("ten", OfferKind.CartLevelPercentage, 10),
            Offers.Fixed("five", OfferKind.CartLevelFixed, 5.00m).WithMinimum(50.00m),
            Offers.Percent("shoes", OfferKind.ProductLevelPercentage, 20).OnProducts("S"),
            Offers.Percent("coupon", OfferKind.CartLevelPercentage, 15).AsCoupon());

        var result = store.Qualify(Of(Item("a", 37.60m)));

        Assert.Equal(["coupon", "ten", "five"], result.Offers.Select(o => o.Id));
        Assert.Equal(5.08m, result.Offers[0].Saving); // 15% of what the 10% promotion leaves: 33.84
        Assert.Equal(3.76m, result.Offers[1].Saving);
        Assert.Equal(0.00m, result.Offers[2].Saving);
        Assert.Equal(ReasonCodes.BelowMinimumCartValue, result.Offers[2].Reason);
        Assert.Equal(12.40m, result.Offers[2].Hint!.MissingValue);
    }

    [Fact]
    public void TiersAndCapsCountAsInThePricedCart()
    {
        var store = Store.With(
            Offers.Percent("spend", OfferKind.CartLevelPercentage, 10).WithTiers(Rewards.CartTier(200.00m, 20)),
            Offers.Percent("coupon", OfferKind.CartLevelPercentage, 10).AsCoupon().MaxDiscount(5.00m));

        var result = store.Qualify(Of(Item("a", 250.00m)));

        Assert.Equal(["spend", "coupon"], result.Offers.Select(o => o.Id));
        Assert.Equal(50.00m, result.Offers[0].Saving); // the 20% tier the cart reached, not the offer's own 10%
        Assert.Equal(5.00m, result.Offers[1].Saving); // 10% of the 200.00 left is 20.00, capped at 5.00
    }

    [Fact]
    public void CouponsAreListedOnlyWhenAskedFor()
    {
        var store = Store.With(Offers.Percent("coupon", OfferKind.CartLevelPercentage, 15).AsCoupon());

        Assert.Empty(store.Qualify(Of(Item("a", 10.00m)), includeCoupons: false).Offers);
        Assert.Single(store.Qualify(Of(Item("a", 10.00m))).Offers);
    }

    [Fact]
    public void OffersWithoutUsesLeftOrBudgetAreNotListed()
    {
        var limited = new UsageTerms { MaxRedemptions = 10 };
        var store = Store.With(
                Offers.Percent("spent", OfferKind.CartLevelPercentage, 10).Limited(limited),
                Offers.Percent("capped", OfferKind.CartLevelPercentage, 50).WithBudget(1.00m),
                Offers.Percent("coupon", OfferKind.CartLevelPercentage, 15).AsCoupon().Limited(limited))
            .Usage("spent", new OfferUsage { RemainingRedemptions = 0 })
            .Usage("capped", new OfferUsage { RemainingBudget = 1.00m })
            .Usage("coupon", new OfferUsage { RemainingRedemptions = 0 });

        var result = store.Qualify(Of(Item("a", 10.00m)));

        var capped = Assert.Single(result.Offers);
        Assert.Equal("capped", capped.Id);
        Assert.Equal(1.00m, capped.Saving);
        Assert.Equal(1.00m, capped.Usage!.RemainingBudget);
        Assert.Empty(result.UsageWanted);
    }

    [Fact]
    public void LimitedOffersJudgedWithoutUsageAreAskedFor()
    {
        var store = Store.With(Offers.Percent("limited", OfferKind.CartLevelPercentage, 10).Limited(new UsageTerms { MaxRedemptions = 10 }));

        Assert.Equal(["limited"], store.Qualify(Of(Item("a", 10.00m))).UsageWanted);
    }

    [Fact]
    public void ABogoCouponShortOfUnitsIsListedWithItsHint()
    {
        var store = Store.With(Offers.Percent("bogo", OfferKind.BogoPercentage, 100).OnProducts("P").BuyGet(1, 1).AsCoupon());

        var coupon = Assert.Single(store.Qualify(Of(Item("p", 10.00m, 1, "P"))).Offers);

        Assert.Equal(ReasonCodes.NoEligibleItems, coupon.Reason);
        Assert.Equal(1, coupon.Hint!.MissingUnits);
        Assert.Equal(10.00m, Assert.Single(store.Qualify(Of(Item("p", 10.00m, 2, "P"))).Offers).Saving);
    }

    [Fact]
    public void AnEmptyCartListsWhatNearlyApplies()
    {
        var store = Store.With(
            Offers.Percent("bogo", OfferKind.BogoPercentage, 100).OnProducts("P").BuyGet(1, 1),
            Offers.Percent("min", OfferKind.CartLevelPercentage, 10).WithMinimum(20.00m));

        var result = store.Qualify(Of());

        Assert.Equal(["bogo", "min"], result.Offers.Select(o => o.Id));
        Assert.Equal(2, result.Offers[0].Hint!.MissingUnits);
        Assert.Equal(20.00m, result.Offers[1].Hint!.MissingValue);
    }
}
