using Storewise.Pricing.Tests.Support;
using static Storewise.Pricing.Tests.Support.Carts;

namespace Storewise.Pricing.Tests.Examples;

/// <summary>The worked examples of docs/pricing-semantics.md, "Caps".</summary>
public sealed class CapTests
{
    private static readonly Cart ThreeLines = Of(Item("a", 30.00m), Item("b", 20.00m), Item("c", 10.00m));

    private static Offer TwentyPercent() => Offers.Percent("p", OfferKind.CartLevelPercentage, 20);

    [Fact]
    public void MaxDiscountIsSpreadByLargestRemainderOverTheUncappedAmounts()
    {
        var result = Store.With(TwentyPercent().MaxDiscount(5.00m)).Price(ThreeLines);

        Assert.Equal(5.00m, result.DiscountTotal);
        Assert.Equal(2.50m, result.Line("a").TotalDiscount);
        Assert.Equal(1.67m, result.Line("b").TotalDiscount);
        Assert.Equal(0.83m, result.Line("c").TotalDiscount);
    }

    [Fact]
    public void MaxDiscountLargerThanTheDiscountChangesNothing()
    {
        var result = Store.With(TwentyPercent().MaxDiscount(12.00m)).Price(ThreeLines);

        Assert.Equal(12.00m, result.DiscountTotal);
    }

    [Theory]
    [InlineData(4.00, 4.00)]
    [InlineData(12.00, 5.00)]
    public void WithABudgetTooTheSmallerBoundWins(decimal budgetLeft, decimal discount)
    {
        var result = Store.With(TwentyPercent().MaxDiscount(5.00m).WithBudget(1000m))
            .Usage("p", new OfferUsage { RemainingBudget = budgetLeft })
            .Price(ThreeLines);

        Assert.Equal(discount, result.DiscountTotal);
    }

    [Fact]
    public void MaxDiscountInAnotherCurrencyDoesNotCap()
    {
        var offer = TwentyPercent().InCurrencies(new CurrencyRule("EUR", 0m), new CurrencyRule("USD", 0m)).MaxDiscount(1.00m, "USD");

        Assert.Equal(12.00m, Store.With(offer).Price(ThreeLines).DiscountTotal);
        Assert.Equal(1.00m, Store.With(offer).Price(ThreeLines.In("USD")).DiscountTotal);
    }

    [Fact]
    public void MaxQuantityDiscountsAtMostThatManyUnitsOfEachLine()
    {
        var offer = Offers.Percent("half", OfferKind.ProductLevelPercentage, 50).OnProducts("A").MaxQuantity(2);

        var result = Store.With(offer).Price(Of(Item("a1", 10.00m, 4, "A"), Item("a2", 10.00m, 1, "A")));

        Assert.Equal(10.00m, result.Line("a1").TotalDiscount);
        Assert.Equal(5.00m, result.Line("a2").TotalDiscount);
    }

    [Fact]
    public void MaxQuantityOnAFixedKindTakesTheAmountOffThatManyUnits()
    {
        var offer = Offers.Fixed("three", OfferKind.ProductLevelFixed, 3.00m).OnProducts("A").MaxQuantity(1);

        var result = Store.With(offer).Price(Of(Item("a", 10.00m, 3, "A")));

        Assert.Equal(3.00m, result.DiscountTotal);
    }
}
