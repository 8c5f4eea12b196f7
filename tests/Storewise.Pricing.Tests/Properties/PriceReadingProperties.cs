using FsCheck;
using FsCheck.Fluent;
using Storewise.Pricing.Tests.Support;
using static Storewise.Pricing.Tests.Support.Carts;

namespace Storewise.Pricing.Tests.Properties;

/// <summary>
/// A line's price is read as whole minor units of the cart's currency, rounded half away from zero
/// (docs/pricing-rules.md A28), whatever number of decimals it was sent with: a 100 % product discount takes
/// exactly the line at that reading.
/// </summary>
public sealed class PriceReadingProperties
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(1000);

    private static readonly string[] Currencies = ["EUR", "JPY", "KWD", "CLF"];

    [Fact]
    public void A_full_product_discount_takes_the_line_rounded_to_the_minor_unit() =>
        Check.One(Runs, Prop.ForAll(Prices().ToArbitrary(), Gen.Choose(1, 5).ToArbitrary(), Gen.Elements(Currencies).ToArbitrary(), (price, quantity, currency) =>
        {
            var exponent = CurrencyMinorUnits.GetExponentOrDefault(currency);
            var scale = (decimal)Math.Pow(10, exponent);
            var offer = Offers.Percent("all", OfferKind.ProductLevelPercentage, 100).OnProducts("p").InCurrencies(new CurrencyRule(currency, 0m));

            var result = Store.With(offer).Price(Of(Item("a", price, quantity, "p")).In(currency));

            var expected = decimal.Round(price * scale, 0, MidpointRounding.AwayFromZero) * quantity / scale;
            Assert.Equal(expected, result.Line("a").TotalDiscount);
        }));

    // Prices of 0 to 6 decimals (fewer, as many as, and more than the currency has), midpoints included, small
    // enough that every line stays inside the engine's range.
    private static Gen<decimal> Prices() =>
        from mantissa in Gen.OneOf(Gen.Choose(1, 1_000_000).Select(m => (long)m), Gen.Choose(1, 1_000).Select(m => (long)m * 1_000_005L))
        from decimals in Gen.Choose(0, 6)
        select new decimal((int)(uint)mantissa, (int)(mantissa >> 32), 0, false, (byte)decimals);
}
