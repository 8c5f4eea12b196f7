using Storewise.Pricing.Tests.Support;
using static Storewise.Pricing.Tests.Support.Carts;

namespace Storewise.Pricing.Tests.Examples;

/// <summary>Data the service's validation should refuse never makes the engine throw.</summary>
public sealed class OddDataTests
{
    private static Store TenPercentEverywhere() => Store.With(
        Offers.Percent("cart", OfferKind.CartLevelPercentage, 10),
        Offers.Percent("prod", OfferKind.ProductLevelPercentage, 10).OnProducts("A", "B"));

    [Fact]
    public void NegativeShippingCostIsTreatedAsZero()
    {
        var result = Store.With(Offers.Percent("ship", OfferKind.FreeShippingPercentage, 100)).Price(Of(Item("a", 10.00m)).WithShipping(-1m));

        Assert.Equal(0.00m, result.ShippingTotal);
        Assert.Equal(10.00m, result.Total);
    }

    [Fact]
    public void LinesWithZeroQuantityOrNegativePriceArePricedButNeverDiscounted()
    {
        var cart = Of(Item("a", 10.00m, 0, "A"), Item("b", -5.00m, 1, "B"), Item("c", 10.00m, 1, "C"));

        var result = TenPercentEverywhere().Price(cart);

        Assert.Empty(result.Line("a").Discounts);
        Assert.Empty(result.Line("b").Discounts);
        Assert.Equal(1.00m, result.Line("c").TotalDiscount);
        Assert.Equal(-5.00m, result.Line("b").Total);
    }

    [Fact]
    public void NullCategoriesAndNullCodesAreTolerated()
    {
        var cart = Of(new CartItem("a", "A", 1, 10.00m, null!, null)) with { CouponCodes = [null!, "X"] };

        var result = TenPercentEverywhere().Price(cart);

        Assert.Equal(1.90m, result.DiscountTotal); // 10% product, then 10% of the remaining 9.00
        Assert.Equal(new[] { ReasonCodes.NotFound, ReasonCodes.NotFound }, result.RejectedCoupons.Select(r => r.Reason));
    }

    [Fact]
    public void CartBeyondTheEngineRangeIsPricedWithoutOffers()
    {
        var cart = Of(Item("a", 10_000_000_000_000_000m, 1, "A"), Item("b", 10.00m, 1, "B")).WithCodes("X", "x");

        var result = TenPercentEverywhere().Price(cart);

        Assert.Equal(0.00m, result.DiscountTotal);
        Assert.Equal(10_000_000_000_000_010.00m, result.CatalogTotal);
        Assert.Equal(ReasonCodes.NoEligibleItems, result.RejectedCoupons.Single().Reason);
        Assert.All(result.NotApplied!, n => Assert.Equal(ReasonCodes.NoEligibleItems, n.Reason));
    }

    [Fact]
    public void PriceFinerThanTheMinorUnitIsRoundedToIt()
    {
        var result = Store.With().Price(Of(Item("a", 1.005m)));

        Assert.Equal("1.01", result.CatalogTotal.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
