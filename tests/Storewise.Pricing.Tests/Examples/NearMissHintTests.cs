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
    public void BuySetShortOfUnitsNamesTheBuySet()
    {
        var offer = Offers.Percent("b", OfferKind.BogoPercentage, 100).BuyFrom(2, "S1", "S2").GetFrom(1, "K1");
        var cart = Of(Item("s1", 80.00m, 1, "S1"), Item("k1", 10.00m, 1, "K1"));

        var hint = HintFor(Store.With(offer).Price(cart), "b")!;

        Assert.Equal(HintKind.Units, hint.Kind);
        Assert.Equal(1, hint.MissingUnits);
        Assert.Equal(["S1", "S2"], hint.Products);
        var completed = Store.With(offer).Price(Of(Item("s1", 80.00m, 1, "S1"), Item("k1", 10.00m, 1, "K1"), Item("s2", 60.00m, 1, "S2")));
        Assert.Equal(10.00m, completed.DiscountTotal);
    }

    [Fact]
    public void UnitsInBothSetsCountAsGivenFirst()
    {
        // Buy {A}, get {A, B}: the cheap a is given, so one A is still missing although one is in the cart.
        var offer = Offers.Percent("b", OfferKind.BogoPercentage, 100).BuyFrom(1, "A").GetFrom(1, "A", "B");

        var hint = HintFor(Store.With(offer).Price(Of(Item("a", 5.00m, 1, "A"), Item("b", 8.00m, 1, "B"))), "b")!;

        Assert.Equal(1, hint.MissingUnits);
        Assert.Equal(["A"], hint.Products);
    }

    [Fact]
    public void AGetSetShortTooGivesNoHint()
    {
        var offer = Offers.Percent("b", OfferKind.BogoPercentage, 100).BuyFrom(2, "S1").GetFrom(1, "K1");

        Assert.Null(HintFor(Store.With(offer).Price(Of(Item("s1", 80.00m, 1, "S1"))), "b"));
    }

    [Fact]
    public void GiftBuySetShortOfUnitsGivesTheUnitsMissing()
    {
        var offer = Rewards.Gift("mug", ("MUG", 1)).BuyFrom(2, "MUG", "COFFEE");

        // The mug in the cart never counts towards its own buy set: two coffees are missing.
        var hint = HintFor(Store.With(offer).Price(Of(Item("m", 8.00m, 1, "MUG"))), "mug")!;

        Assert.Equal(HintKind.Units, hint.Kind);
        Assert.Equal(2, hint.MissingUnits);
        Assert.Equal(["MUG", "COFFEE"], hint.Products);
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
