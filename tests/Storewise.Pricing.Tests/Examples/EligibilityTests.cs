using System.Globalization;
using Storewise.Pricing.Tests.Support;
using static Storewise.Pricing.Tests.Support.Carts;

namespace Storewise.Pricing.Tests.Examples;

public sealed class EligibilityTests
{
    private static Offer TenPercent() => Offers.Percent("p", OfferKind.CartLevelPercentage, 10);

    [Fact]
    public void A26_PromotionWithoutCurrenciesIsNotEligible()
    {
        var result = Store.With(TenPercent().InCurrencies()).Price(Of(Item("a", 10.00m)));

        Assert.Equal(0.00m, result.DiscountTotal);
        Assert.Equal(ReasonCodes.CurrencyNotEligible, result.ReasonFor("p"));
    }

    [Fact]
    public void A27_FixedKindWithoutAnAmountForTheCartCurrencyIsNotEligible()
    {
        var offer = Offers.Fixed("f", OfferKind.CartLevelFixed, 5.00m).InCurrencies(new CurrencyRule("EUR", 0m), new CurrencyRule("USD", 0m));

        var result = Store.With(offer).Price(Of(Item("a", 10.00m)).In("USD"));

        Assert.Equal(ReasonCodes.CurrencyNotEligible, result.ReasonFor("f"));
        Assert.Equal(0.00m, result.DiscountTotal);
    }

    [Fact]
    public void A27_PerCurrencyAmountWinsOverTheScalarAmount()
    {
        var offer = Offers.Fixed("f", OfferKind.CartLevelFixed, 5.00m).InCurrencies(new CurrencyRule("EUR", 0m), new CurrencyRule("USD", 0m)) with { ScalarAmount = 2.00m };

        Assert.Equal(5.00m, Store.With(offer).Price(Of(Item("a", 10.00m))).DiscountTotal);
        Assert.Equal(2.00m, Store.With(offer).Price(Of(Item("a", 10.00m)).In("USD")).DiscountTotal);
    }

    [Fact]
    public void A28_FixedAmountFinerThanTheMinorUnitRoundsHalfAwayFromZero()
    {
        var euro = Offers.Fixed("f", OfferKind.CartLevelFixed, 3.335m);
        var yen = Offers.Fixed("y", OfferKind.CartLevelFixed, 100.5m, currency: "JPY");

        Assert.Equal(3.34m, Store.With(euro).Price(Of(Item("a", 10.00m))).DiscountTotal);
        Assert.Equal(101m, Store.With(yen).Price(Of(Item("a", 1000m)).In("JPY")).DiscountTotal);
    }

    [Fact]
    public void A29_ValidToIsComparedAsAnExactInstant()
    {
        var validTo = new DateTimeOffset(2025, 6, 1, 23, 59, 59, TimeSpan.Zero);
        var offer = TenPercent() with { ValidTo = validTo };
        var cart = Of(Item("a", 10.00m));

        var halfSecondLate = Store.With(offer).Price(cart, validTo.AddMilliseconds(500));
        var exactlyAtEnd = Store.With(offer).Price(cart, validTo);

        Assert.Equal(ReasonCodes.Expired, halfSecondLate.ReasonFor("p"));
        Assert.Equal(1.00m, exactlyAtEnd.DiscountTotal);
    }

    [Fact]
    public void A30_InstantsWithDifferentOffsetsCompareInUtc()
    {
        // validFrom 12:30 UTC; evaluated at 14:00+02:00, which is 12:00 UTC.
        var offer = TenPercent() with { ValidFrom = new DateTimeOffset(2025, 6, 1, 12, 30, 0, TimeSpan.Zero) };
        var at = DateTimeOffset.Parse("2025-06-01T14:00:00+02:00", CultureInfo.InvariantCulture);

        Assert.Equal(ReasonCodes.NotStarted, Store.With(offer).Price(Of(Item("a", 10.00m)), at).ReasonFor("p"));
    }

    [Fact]
    public void A31_SegmentMatchesCustomerAttributesExactlyWhateverTheCustomerId()
    {
        var offer = TenPercent() with { Segment = new Segment("type", "gold member") };
        var pricing = Store.With(offer);
        var cart = Of(Item("a", 10.00m));

        var guest = pricing.Price(cart with { CustomerId = "", CustomerAttributes = new Dictionary<string, string> { ["type"] = "gold member" } });
        var noAttributes = pricing.Price(cart with { CustomerId = "cust-1" });
        var otherCase = pricing.Price(cart with { CustomerId = "cust-1", CustomerAttributes = new Dictionary<string, string> { ["type"] = "Gold Member" } });

        Assert.Equal(1.00m, guest.DiscountTotal);
        Assert.Equal(ReasonCodes.SegmentNotMatched, noAttributes.ReasonFor("p"));
        Assert.Equal(ReasonCodes.SegmentNotMatched, otherCase.ReasonFor("p"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("s2")]
    public void A32_StoreRestrictionFailsACartWithoutThatStore(string? storeId)
    {
        var offer = TenPercent() with { Stores = ["s1"] };

        var result = Store.With(offer).Price(Of(Item("a", 10.00m)) with { StoreId = storeId, ChannelType = "web" });

        Assert.Equal(ReasonCodes.StoreNotEligible, result.ReasonFor("p"));
    }

    [Fact]
    public void A32_StoreRestrictionPassesForThatStore()
    {
        var offer = TenPercent() with { Stores = ["s1"] };

        Assert.Equal(1.00m, Store.With(offer).Price(Of(Item("a", 10.00m)) with { StoreId = "s1" }).DiscountTotal);
    }

    [Fact]
    public void A33_ConsumersAreIgnoredOnPromotionsButRestrictCoupons()
    {
        var promotion = TenPercent() with { Consumers = ["x"] };
        var coupon = Offers.Fixed("c", OfferKind.CartLevelFixed, 2.00m).AsCoupon() with { Consumers = ["x"] };
        var cart = Of(Item("a", 10.00m)) with { CustomerId = "cust-1" };

        var result = Store.With(promotion, coupon).Code("C", "c").Price(cart.WithCodes("C"));

        Assert.Equal(1.00m, result.Line("a").AmountFrom("p"));
        Assert.Equal(ReasonCodes.CustomerNotEligible, result.RejectionOf("C"));
    }

    [Fact]
    public void A34_TheFirstFailingCheckInReasonListOrderIsReported()
    {
        var coupon = Offers.Fixed("c", OfferKind.CartLevelFixed, 2.00m, currency: "USD").AsCoupon() with
        {
            ValidTo = Offers.Now.AddDays(-1),
        };

        var result = Store.With(coupon).Code("C", "c", active: false).Price(Of(Item("a", 10.00m)).WithCodes("C"));

        Assert.Equal(ReasonCodes.Inactive, result.RejectionOf("C"));
    }

    [Fact]
    public void A34_CodeWhoseCouponNoLongerExistsIsNotFound()
    {
        var result = Store.With().Code("C", "gone").Price(Of(Item("a", 10.00m)).WithCodes("C", "NOPE"));

        Assert.Equal(ReasonCodes.NotFound, result.RejectionOf("C"));
        Assert.Equal(ReasonCodes.NotFound, result.RejectionOf("NOPE"));
    }

    [Fact]
    public void A34_AlreadyRedeemedComesAfterExpiryAndBeforeCurrency()
    {
        var singleUse = Offers.Fixed("c", OfferKind.CartLevelFixed, 2.00m, currency: "USD").AsCoupon() with { SingleUse = true };

        var result = Store.With(singleUse).Code("C", "c", redemptions: 1).Price(Of(Item("a", 10.00m)).WithCodes("C"));

        Assert.Equal(ReasonCodes.AlreadyRedeemed, result.RejectionOf("C"));
    }

    [Fact]
    public void A35_MinimumCartValueUsesTheCatalogTotalBeforeDiscounts()
    {
        var half = Offers.Percent("half", OfferKind.ProductLevelPercentage, 50).OnProducts("A");
        var minimum = Offers.Fixed("min", OfferKind.CartLevelFixed, 5.00m).InCurrencies(new CurrencyRule("EUR", 100m));

        var result = Store.With(half, minimum).Price(Of(Item("a", 100.00m, 1, "A")));

        Assert.Equal(55.00m, result.DiscountTotal);
    }

    [Fact]
    public void A35_ExcludedLinesCountTowardsTheMinimum()
    {
        var minimum = Offers.Fixed("min", OfferKind.CartLevelFixed, 5.00m).InCurrencies(new CurrencyRule("EUR", 100m));

        var reached = Store.With(minimum).Excluding("X").Price(Of(Item("x", 60.00m, 1, "X"), Item("a", 40.00m)));
        var below = Store.With(minimum).Excluding("X").Price(Of(Item("x", 59.99m, 1, "X"), Item("a", 40.00m)));

        Assert.Equal(5.00m, reached.Line("a").TotalDiscount);
        Assert.Equal(ReasonCodes.BelowMinimumCartValue, below.ReasonFor("min"));
    }

    [Fact]
    public void A36_OfferWithoutActiveFlagIsInactive()
    {
        var offer = new Offer
        {
            Id = "p",
            Source = OfferSource.Promotion,
            Name = "no flag",
            Kind = OfferKind.CartLevelPercentage,
            ValidFrom = Offers.LongAgo,
            Currencies = [new CurrencyRule("EUR", 0m)],
            Percent = 10,
        };

        var result = Store.With(offer).Price(Of(Item("a", 10.00m)));

        Assert.Equal(ReasonCodes.Inactive, result.ReasonFor("p"));
        Assert.False(offer.Exclusive);
        Assert.False(offer.SingleUse);
    }

    [Fact]
    public void A56_CurrencyCodesCompareCaseInsensitively()
    {
        var offer = Offers.Fixed("f", OfferKind.CartLevelFixed, 2.00m, currency: "eur");

        Assert.Equal(2.00m, Store.With(offer).Price(Of(Item("a", 10.00m)).In("Eur")).DiscountTotal);
    }
}
