using Storewise.Pricing.Tests.Support;
using static Storewise.Pricing.Tests.Support.Carts;

namespace Storewise.Pricing.Tests.Examples;

public sealed class ProductLevelTests
{
    [Fact]
    public void A10_ProductPercentageRoundsOncePerLine()
    {
        var result = Store.With(Offers.Percent("p", OfferKind.ProductLevelPercentage, 50).OnProducts("A"))
            .Price(Of(Item("a", 0.05m, 3, "A")));

        Assert.Equal(0.08m, result.Line("a").TotalDiscount);
    }

    [Fact]
    public void A11_ProductFixedUsesTheLineAverageAfterABundle()
    {
        var bundle = Offers.Percent("bundle", OfferKind.BundlePercentage, 100).Bundle(("P", 1), ("Q", 1));
        var fixedOff = Offers.Fixed("fix", OfferKind.ProductLevelFixed, 8.00m).OnProducts("P");

        var result = Store.With(bundle, fixedOff).Price(Of(Item("p", 10.00m, 3, "P"), Item("q", 1.00m, 1, "Q")));

        Assert.Equal(new[] { 10.00m, 20.00m }, result.Line("p").Amounts());
        Assert.Equal(0.00m, result.Line("p").Total);
        Assert.Equal(1.00m, result.Line("q").TotalDiscount);
    }

    [Fact]
    public void A12_ProductOfferWithoutTargetingSelectsNothing()
    {
        // The service refuses such offers (400); should one be stored anyway, it selects no line.
        var result = Store.With(Offers.Percent("p", OfferKind.ProductLevelPercentage, 10)).Price(Of(Item("a", 10.00m)));

        Assert.Equal(0.00m, result.DiscountTotal);
        Assert.Equal(ReasonCodes.NoEligibleItems, result.ReasonFor("p"));
    }

    [Theory]
    [InlineData(new[] { "Shop", "Shoes" }, false)]
    [InlineData(new[] { "shop", "Shoe" }, false)]
    [InlineData(new[] { "Shop", "Shoe", "Boots" }, true)]
    [InlineData(new[] { "Shop", "Shoe" }, true)]
    [InlineData(new[] { "Shop" }, false)]
    public void A13_CategoryPathMatchesBySegmentPrefixCaseSensitively(string[] itemPath, bool matches)
    {
        var offer = Offers.Percent("p", OfferKind.ProductLevelPercentage, 10).OnCategories(["Shop", "Shoe"]);

        var result = Store.With(offer).Price(Of(Item("a", 10.00m, 1, "A", itemPath)));

        Assert.Equal(matches ? 1.00m : 0.00m, result.DiscountTotal);
    }

    [Fact]
    public void A13_EmptyConfiguredPathMatchesEveryCategorisedItemOnly()
    {
        var offer = Offers.Percent("p", OfferKind.ProductLevelPercentage, 10).OnCategories([[]]);

        var result = Store.With(offer).Price(Of(Item("a", 10.00m, 1, "A", ["Any"]), Item("b", 10.00m, 1, "B")));

        Assert.Equal(1.00m, result.Line("a").TotalDiscount);
        Assert.Equal(0.00m, result.Line("b").TotalDiscount);
    }

    [Fact]
    public void A13_ProductMatchedByTwoPathsIsDiscountedOnce()
    {
        var offer = Offers.Percent("p", OfferKind.ProductLevelPercentage, 10).OnCategories(["Shop"], ["Shop", "Shoe"]).OnProducts("A");

        var result = Store.With(offer).Price(Of(Item("a", 10.00m, 1, "A", ["Shop", "Shoe"], ["Shop", "Bags"])));

        Assert.Single(result.Line("a").Discounts);
        Assert.Equal(1.00m, result.DiscountTotal);
    }

    [Fact]
    public void A14_CartShopIdAndLocaleDoNotAffectCategoryMatching()
    {
        var offer = Offers.Percent("p", OfferKind.ProductLevelPercentage, 10).OnCategories(["Shop"]);
        var cart = Of(Item("a", 10.00m, 1, "A", ["Shop"])) with { ShopId = "other-catalog", Locale = "de-de" };

        Assert.Equal(1.00m, Store.With(offer).Price(cart).DiscountTotal);
    }

    [Fact]
    public void ExcludedProductsWinOverIncludedProductsAndCategories()
    {
        var offer = Offers.Percent("p", OfferKind.ProductLevelPercentage, 10).OnProducts("A").OnCategories(["Shop"]) with
        {
            ExcludedProducts = ["A"],
        };

        var result = Store.With(offer).Price(Of(Item("a", 10.00m, 1, "A", ["Shop"]), Item("b", 10.00m, 1, "B", ["Shop"])));

        Assert.Equal(0.00m, result.Line("a").TotalDiscount);
        Assert.Equal(1.00m, result.Line("b").TotalDiscount);
    }

    [Fact]
    public void GloballyExcludedProductIsNeverDiscountedNorInTheProrationBase()
    {
        var product = Offers.Percent("p", OfferKind.ProductLevelPercentage, 10).OnProducts("A", "B");
        var cart = Offers.Fixed("c", OfferKind.CartLevelFixed, 10.00m);

        var result = Store.With(product, cart).Excluding("A").Price(Of(Item("a", 100.00m, 1, "A"), Item("b", 100.00m, 1, "B")));

        Assert.Empty(result.Line("a").Discounts);
        Assert.Equal(new[] { 10.00m, 10.00m }, result.Line("b").Amounts());
    }
}
