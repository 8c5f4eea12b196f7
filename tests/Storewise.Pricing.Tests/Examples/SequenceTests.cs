using Storewise.Pricing.Tests.Support;
using static Storewise.Pricing.Tests.Support.Carts;

namespace Storewise.Pricing.Tests.Examples;

public sealed class SequenceTests
{
    [Fact]
    public void A01_CouponsRunAfterTheWholePromotionSequence()
    {
        var bogo = Offers.Percent("bogo", OfferKind.BogoPercentage, 100).OnProducts("S").BuyGet(1, 1);
        var coupon = Offers.Fixed("c10", OfferKind.ProductLevelFixed, 10.00m).OnProducts("S").AsCoupon();

        var result = Store.With(bogo, coupon).Code("TEN", "c10").Price(Of(Item("s", 50.00m, 2, "S")).WithCodes("TEN"));

        Assert.Equal(new[] { 50.00m, 20.00m }, result.Line("s").Amounts());
        Assert.Equal(30.00m, result.Line("s").Total);
    }

    [Fact]
    public void A02_ShippingPercentageRunsBeforeShippingFixed()
    {
        // The fixed offer is older and would otherwise go first.
        var fixedOff = Offers.Fixed("fix", OfferKind.FreeShippingFixed, 5.00m).Created(Offers.LongAgo.AddDays(-1));
        var percent = Offers.Percent("pct", OfferKind.FreeShippingPercentage, 50);

        var result = Store.With(fixedOff, percent).Price(Of(Item("a", 20.00m)).WithShipping(10.00m));

        Assert.Equal(0.00m, result.ShippingTotal);
        Assert.Equal(new[] { "pct", "fix" }, result.ShippingDiscounts.Select(d => d.Id));
        Assert.Equal(new[] { 5.00m, 5.00m }, result.ShippingDiscounts.Select(d => d.Amount));
    }

    [Fact]
    public void A03_OlderCreatedAtGoesFirstEvenWithALargerId()
    {
        var p1 = Offers.Fixed("65000001-0000-4000-8000-000000000001", OfferKind.ProductLevelFixed, 5.00m).OnProducts("L")
            .Created(DateTimeOffset.Parse("2023-09-12T06:06:57.900Z", System.Globalization.CultureInfo.InvariantCulture));
        var p2 = Offers.Fixed("65000001-ffff-4000-8000-000000000002", OfferKind.ProductLevelFixed, 5.00m).OnProducts("L")
            .Created(DateTimeOffset.Parse("2023-09-12T06:06:57.100Z", System.Globalization.CultureInfo.InvariantCulture));

        var line = Store.With(p1, p2).Price(Of(Item("l", 8.00m, 1, "L"))).Line("l");

        Assert.Equal(new[] { p2.Id, p1.Id }, line.Discounts.Select(d => d.Id));
        Assert.Equal(new[] { 5.00m, 3.00m }, line.Amounts());
    }

    [Fact]
    public void A03_HigherValueGoesBeforeOlderWithinAKind()
    {
        var olderSmaller = Offers.Fixed("old", OfferKind.ProductLevelFixed, 3.00m).OnProducts("L").Created(Offers.LongAgo.AddDays(-5));
        var newerLarger = Offers.Fixed("new", OfferKind.ProductLevelFixed, 5.00m).OnProducts("L");

        var line = Store.With(olderSmaller, newerLarger).Price(Of(Item("l", 6.00m, 1, "L"))).Line("l");

        Assert.Equal(new[] { "new", "old" }, line.Discounts.Select(d => d.Id));
        Assert.Equal(new[] { 5.00m, 1.00m }, line.Amounts());
    }

    [Fact]
    public void A04_CouponsOfOneKindFollowCouponCodesOrderNotValue()
    {
        var five = Offers.Fixed("five", OfferKind.ProductLevelFixed, 5.00m).OnProducts("L").AsCoupon();
        var eight = Offers.Fixed("eight", OfferKind.ProductLevelFixed, 8.00m).OnProducts("L").AsCoupon();

        var result = Store.With(five, eight).Code("FIVE", "five").Code("EIGHT", "eight")
            .Price(Of(Item("l", 10.00m, 1, "L")).WithCodes("FIVE", "EIGHT"));

        Assert.Equal(new[] { 5.00m, 5.00m }, result.Line("l").Amounts());
        Assert.Equal(new[] { "FIVE", "EIGHT" }, result.Line("l").Discounts.Select(d => d.CouponCode));
    }

    [Fact]
    public void A05_BundleSavingMoreMoneyAloneGoesFirst()
    {
        // The fixed bundle is older and has the larger configured number, yet saves less.
        var percent = Offers.Percent("pct", OfferKind.BundlePercentage, 25).Bundle(("A", 1), ("B", 1));
        var fixedBundle = Offers.Fixed("fix", OfferKind.BundleFixed, 30.00m).Bundle(("A", 1), ("C", 1)).Created(Offers.LongAgo.AddDays(-1));

        var result = Store.With(percent, fixedBundle).Price(Of(Item("a", 100.00m, 1, "A"), Item("b", 100.00m, 1, "B"), Item("c", 100.00m, 1, "C")));

        Assert.Equal(50.00m, result.DiscountTotal);
        Assert.Equal(ReasonCodes.NoEligibleItems, result.ReasonFor("fix"));
    }
}
