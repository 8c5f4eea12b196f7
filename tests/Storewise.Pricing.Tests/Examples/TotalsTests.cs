using Storewise.Pricing.Tests.Support;
using static Storewise.Pricing.Tests.Support.Carts;

namespace Storewise.Pricing.Tests.Examples;

public sealed class TotalsTests
{
    [Fact]
    public void A51_DiscountTotalCountsItemsOnlyAndTotalAddsShipping()
    {
        var cart = Offers.Fixed("cart", OfferKind.CartLevelFixed, 2.00m);
        var shipping = Offers.Fixed("ship", OfferKind.FreeShippingFixed, 1.00m);

        var result = Store.With(cart, shipping).Price(Of(Item("a", 20.00m)).WithShipping(5.00m));

        Assert.Equal(20.00m, result.CatalogTotal);
        Assert.Equal(2.00m, result.DiscountTotal);
        Assert.Equal(4.00m, result.ShippingTotal);
        Assert.Equal(22.00m, result.Total);
        Assert.Equal("shipping", result.ShippingDiscounts.Single().Level);
    }

    [Fact]
    public void A52_ShippingTotalIsZeroWithoutShippingCost()
    {
        var result = Store.With().Price(Of(Item("a", 20.00m, 2)));

        Assert.Equal(0.00m, result.ShippingTotal);
        Assert.Equal(40.00m, result.Total);
    }

    [Fact]
    public void A54_EntriesCarryTheConfiguredValueLevelAndNormalisedMoney()
    {
        var percent = Offers.Percent("pct", OfferKind.ProductLevelPercentage, 12.345m).OnProducts("A");
        var fixedOff = Offers.Fixed("fix", OfferKind.CartLevelFixed, 3.335m);
        var coupon = Offers.Fixed("c", OfferKind.CartLevelFixed, 1m).AsCoupon();

        var result = Store.With(percent, fixedOff, coupon).Code("C", "c").Price(Of(Item("a", 5m, 1, "A")).WithCodes("C"));
        var entries = result.Line("a").Discounts;

        Assert.Equal(12.345m, entries[0].Value);
        Assert.Equal("item", entries[0].Level);
        Assert.Null(entries[0].CouponCode);
        Assert.Equal(OfferSource.Promotion, entries[0].Source);
        Assert.Equal("3.34", entries[1].Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("cart", entries[1].Level);
        Assert.Equal("C", entries[2].CouponCode);
        Assert.Equal(OfferSource.Coupon, entries[2].Source);
        Assert.Equal("5.00", result.CatalogTotal.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0.62", entries[0].Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A55_LineIdTieBreaksUseOrdinalOrder()
    {
        var result = Store.With(Offers.Fixed("f", OfferKind.CartLevelFixed, 0.01m)).Price(Of(Item("a", 5.00m), Item("B", 5.00m)));

        Assert.Equal(0.01m, result.Line("B").TotalDiscount);
        Assert.Empty(result.Line("a").Discounts);
    }

    [Fact]
    public void A57_ShippingIsDiscountedOnACartOfExcludedProductsOnly()
    {
        var result = Store.With(Offers.Percent("ship", OfferKind.FreeShippingPercentage, 100)).Excluding("X")
            .Price(Of(Item("x", 20.00m, 1, "X")).WithShipping(5.00m));

        Assert.Equal(0.00m, result.ShippingTotal);
        Assert.Equal(20.00m, result.Total);
    }
}
