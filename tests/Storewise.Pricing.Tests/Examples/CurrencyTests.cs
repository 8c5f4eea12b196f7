using Storewise.Pricing.Tests.Support;
using static Storewise.Pricing.Tests.Support.Carts;

namespace Storewise.Pricing.Tests.Examples;

public sealed class CurrencyTests
{
    [Fact]
    public void JpyCart_RoundsToWholeYen()
    {
        var offer = Offers.Percent("p", OfferKind.CartLevelPercentage, 10).InCurrencies(new CurrencyRule("JPY", 0m));

        var result = Store.With(offer).Price(Of(Item("a", 1005m), Item("b", 1000m)).In("JPY"));

        // 10% of 2005 = 200.5 → 201, split 101 (a) / 100 (b) by largest remainder.
        Assert.Equal(201m, result.DiscountTotal);
        Assert.Equal(101m, result.Line("a").TotalDiscount);
        Assert.Equal(100m, result.Line("b").TotalDiscount);
        Assert.Equal("1804", result.Total.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void KwdCart_SplitsToTheFils()
    {
        var offer = Offers.Fixed("f", OfferKind.CartLevelFixed, 1.000m, currency: "KWD");

        var result = Store.With(offer).Price(Of(Item("c", 1.000m), Item("a", 1.000m), Item("b", 1.000m)).In("KWD"));

        Assert.Equal(0.334m, result.Line("a").TotalDiscount);
        Assert.Equal(0.333m, result.Line("b").TotalDiscount);
        Assert.Equal(0.333m, result.Line("c").TotalDiscount);
        Assert.Equal("2.000", result.Total.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("JPY", 0)]
    [InlineData("krw", 0)]
    [InlineData("EUR", 2)]
    [InlineData("KWD", 3)]
    [InlineData("BHD", 3)]
    [InlineData("CLF", 4)]
    public void CurrencyMinorUnits_KnowsTheIsoExponents(string currency, int exponent)
    {
        Assert.True(CurrencyMinorUnits.TryGetExponent(currency, out var found));
        Assert.Equal(exponent, found);
    }

    [Fact]
    public void CurrencyMinorUnits_UnknownCodesDefaultToTwo()
    {
        Assert.False(CurrencyMinorUnits.TryGetExponent("XYZ", out _));
        Assert.Equal(2, CurrencyMinorUnits.GetExponentOrDefault("XYZ"));
    }

    [Theory]
    [InlineData(4.95, "EUR", true)]
    [InlineData(4.955, "EUR", false)]
    [InlineData(100, "JPY", true)]
    [InlineData(100.5, "JPY", false)]
    [InlineData(1.234, "KWD", true)]
    public void CurrencyMinorUnits_ChecksPrecision(double amount, string currency, bool expected)
    {
        Assert.Equal(expected, CurrencyMinorUnits.HasAtMostMinorUnitPrecision((decimal)amount, currency));
    }

    [Fact]
    public void UnknownCurrencyIsPricedWithTwoDecimalsWithoutThrowing()
    {
        var result = Store.With(Offers.Percent("p", OfferKind.CartLevelPercentage, 10)).Price(Of(Item("a", 10.00m)).In("XYZ"));

        Assert.Equal(ReasonCodes.CurrencyNotEligible, result.ReasonFor("p"));
        Assert.Equal("10.00", result.Total.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
