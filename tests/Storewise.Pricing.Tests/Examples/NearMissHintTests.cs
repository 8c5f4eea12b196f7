using Storewise.Pricing.Tests.Support;
using static Storewise.Pricing.Tests.Support.Carts;

namespace Storewise.Pricing.Tests.Examples;

/// <summary>docs/pricing-semantics.md, "Near-miss hints": explain gives what is missing for an offer that failed on one threshold only.</summary>
public sealed class NearMissHintTests
{
    private static OfferHint? HintFor(PricingResult result, string id) => result.NotApplied!.Single(n => n.Id == id).Hint;

    [Fact]
    public void MissingCartValueIsTheExactDifference()
    {
        var store = Store.With(Offers.Percent("p", OfferKind.CartLevelPercentage, 10).WithMinimum(50.00m));

        var hint = HintFor(store.Price(Of(Item("a", 37.60m))), "p")!;

        Assert.Equal(HintKind.CartValue, hint.Kind);
        Assert.Equal(12.40m, hint.MissingValue);
        Assert.Equal("EUR", hint.Currency);
        Assert.Empty(hint.Products);
    }

    [Fact]
    public void MinimumFinerThanTheMinorUnitRoundsTheMissingValueUp()
    {
        var store = Store.With(Offers.Percent("p", OfferKind.CartLevelPercentage, 10).WithMinimum(50.005m));

        Assert.Equal(12.41m, HintFor(store.Price(Of(Item("a", 37.60m))), "p")!.MissingValue);
    }

    [Fact]
    public void MissingQuantityNamesTheProductsThatCount()
    {
        var offer = Offers.Percent("p", OfferKind.ProductLevelPercentage, 20).OnProducts("P").OnCategories(["Shop", "Shoes"]) with { MinimumQuantity = 3 };

        var hint = HintFor(Store.With(offer).Price(Of(Item("p", 10.00m, 2, "P"))), "p")!;

        Assert.Equal(HintKind.Units, hint.Kind);
        Assert.Equal(1, hint.MissingUnits);
        Assert.Equal(["P"], hint.Products);
        Assert.Equal(["Shop", "Shoes"], hint.Categories.Single());
    }

    [Fact]
    public void BogoGroupShortOfUnitsGivesTheUnitsMissing()
    {
        var offer = Offers.Percent("b", OfferKind.BogoPercentage, 100).OnProducts("P").BuyGet(2, 1);

        var hint = HintFor(Store.With(offer).Price(Of(Item("p", 10.00m, 1, "P"))), "b")!;

        Assert.Equal(HintKind.Units, hint.Kind);
        Assert.Equal(2, hint.MissingUnits);
        Assert.Equal(["P"], hint.Products);
    }

    [Fact]
    public void BundleShortOfUnitsListsThemPerProduct()
    {
        var offer = Offers.Fixed("s", OfferKind.BundleFixed, 5.00m).Bundle(("A", 1), ("B", 2));

        var hint = HintFor(Store.With(offer).Price(Of(Item("a", 10.00m, 1, "A"), Item("b", 10.00m, 1, "B"))), "s")!;

        Assert.Equal(1, hint.MissingUnits);
        Assert.Equal([new BundleShortfall("B", 1)], hint.Items);
    }

    [Fact]
    public void ClosedScheduleGivesTheNextOpening()
    {
        var offer = Offers.Percent("p", OfferKind.CartLevelPercentage, 10).Scheduled("Europe/Berlin", "17:00", "19:00", DayOfWeek.Friday, DayOfWeek.Saturday);

        // Offers.Now is Sunday 2025-06-01 12:00Z; the next window opens Friday 2025-06-06 17:00 CEST = 15:00Z.
        var hint = HintFor(Store.With(offer).Price(Of(Item("a", 10.00m))), "p")!;

        Assert.Equal(new OfferHint { Kind = HintKind.Schedule, OpensAt = new DateTimeOffset(2025, 6, 6, 15, 0, 0, TimeSpan.Zero) }, hint);
    }

    [Fact]
    public void ScheduleOpeningInASkippedHourOpensWhenTheClockResumes()
    {
        var offer = Offers.Percent("p", OfferKind.CartLevelPercentage, 10).Scheduled("Europe/Berlin", "02:30", "04:00", DayOfWeek.Sunday);
        var at = new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.Zero);

        var hint = HintFor(Store.With(offer).Price(Of(Item("a", 10.00m)), at), "p")!;

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), hint.OpensAt);
    }

    [Fact]
    public void TwoMissedThresholdsGiveNoHint()
    {
        var offer = Offers.Percent("p", OfferKind.CartLevelPercentage, 10).WithMinimum(50.00m) with { MinimumQuantity = 5 };

        var result = Store.With(offer).Price(Of(Item("a", 10.00m)));

        Assert.Equal(ReasonCodes.BelowMinimumCartValue, result.ReasonFor("p"));
        Assert.Null(HintFor(result, "p"));
    }

    [Fact]
    public void AnOfferFailingAnotherCheckGetsNoHint()
    {
        var offer = Offers.Percent("p", OfferKind.CartLevelPercentage, 10).WithMinimum(50.00m) with { Stores = ["s1"] };

        Assert.Null(HintFor(Store.With(offer).Price(Of(Item("a", 10.00m))), "p"));
    }

    [Fact]
    public void AnOfferWithoutUsesLeftGetsNoHint()
    {
        var offer = Offers.Percent("p", OfferKind.CartLevelPercentage, 10).WithMinimum(50.00m).Limited(new UsageTerms { MaxRedemptions = 1 });

        var result = Store.With(offer).Usage("p", new OfferUsage { RemainingRedemptions = 0 }).Price(Of(Item("a", 10.00m)));

        Assert.Null(HintFor(result, "p"));
    }
}
