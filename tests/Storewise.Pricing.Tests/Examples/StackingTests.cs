using Storewise.Pricing.Tests.Support;
using static Storewise.Pricing.Tests.Support.Carts;

namespace Storewise.Pricing.Tests.Examples;

/// <summary>The worked examples of docs/pricing-semantics.md, "Priority", "Stacking groups" and "Stop further".</summary>
public sealed class StackingTests
{
    [Fact]
    public void HigherPriorityGoesFirstWithinAKind()
    {
        var five = Offers.Fixed("five", OfferKind.CartLevelFixed, 5.00m);
        var three = Offers.Fixed("three", OfferKind.CartLevelFixed, 3.00m).Priority(1);

        var result = Store.With(five, three).Price(Of(Item("a", 6.00m)));

        Assert.Equal([3.00m, 3.00m], result.Line("a").Amounts());
    }

    [Fact]
    public void PriorityOrdersTheKindsOfOneFamily()
    {
        var half = Offers.Percent("half", OfferKind.ProductLevelPercentage, 50).OnProducts("A");
        var two = Offers.Fixed("two", OfferKind.ProductLevelFixed, 2.00m).OnProducts("A");

        var plain = Store.With(half, two).Price(Of(Item("a", 10.00m, 1, "A")));
        var fixedFirst = Store.With(half, two.Priority(1)).Price(Of(Item("a", 10.00m, 1, "A")));

        Assert.Equal([5.00m, 2.00m], plain.Line("a").Amounts());
        Assert.Equal([2.00m, 4.00m], fixedFirst.Line("a").Amounts());
    }

    [Fact]
    public void PriorityNeverMovesAnOfferOutOfItsFamily()
    {
        var half = Offers.Percent("half", OfferKind.ProductLevelPercentage, 50).OnProducts("A");
        var cart = Offers.Fixed("cart", OfferKind.CartLevelFixed, 2.00m).Priority(99);

        var result = Store.With(half, cart).Price(Of(Item("a", 10.00m, 1, "A")));

        Assert.Equal([5.00m, 2.00m], result.Line("a").Amounts());
    }

    [Fact]
    public void OnlyTheMemberOfAGroupThatSavesMostApplies()
    {
        var tenPercent = Offers.Percent("ten", OfferKind.CartLevelPercentage, 10).InGroup("spring");
        var fifteen = Offers.Fixed("fifteen", OfferKind.CartLevelFixed, 15.00m).InGroup("spring");
        var outside = Offers.Percent("outside", OfferKind.CartLevelPercentage, 5);

        var result = Store.With(tenPercent, fifteen, outside).Price(Of(Item("a", 100.00m)));

        Assert.Equal(15.00m, result.Line("a").AmountFrom("fifteen"));
        Assert.Equal(ReasonCodes.LostInGroup, result.ReasonFor("ten"));
        Assert.Equal(5.00m, result.Line("a").AmountFrom("outside"));
    }

    [Fact]
    public void ACappedTieredMemberCompetesAtItsCappedSaving()
    {
        var tiered = Offers.Percent("tiered", OfferKind.CartLevelPercentage, 10).WithTiers(Rewards.CartTier(200m, 20)).MaxDiscount(15.00m).InGroup("g");
        var eighteen = Offers.Fixed("eighteen", OfferKind.CartLevelFixed, 18.00m).InGroup("g");

        var result = Store.With(tiered, eighteen).Price(Of(Item("a", 200.00m)));

        // The 20% tier is 40.00, capped at 15.00: the fixed 18.00 wins.
        Assert.Equal(18.00m, result.DiscountTotal);
        Assert.Equal(ReasonCodes.LostInGroup, result.ReasonFor("tiered"));
    }

    [Fact]
    public void GroupTiesGoToTheHigherPriorityThenTheOlderOffer()
    {
        var older = Offers.Fixed("older", OfferKind.CartLevelFixed, 5.00m).InGroup("g");
        var newer = Offers.Fixed("newer", OfferKind.CartLevelFixed, 5.00m).InGroup("g").Created(Offers.LongAgo.AddDays(1));

        Assert.True(Store.With(older, newer).Price(Of(Item("a", 50.00m))).Applied("older"));
        Assert.True(Store.With(older, newer.Priority(1)).Price(Of(Item("a", 50.00m))).Applied("newer"));
    }

    [Fact]
    public void TheGroupIsDecidedBeforeExclusivity()
    {
        var exclusive = Offers.Percent("x", OfferKind.CartLevelPercentage, 20).Exclusive().InGroup("g");
        var member = Offers.Fixed("member", OfferKind.CartLevelFixed, 10.00m).InGroup("g");
        var outside = Offers.Fixed("outside", OfferKind.CartLevelFixed, 15.00m);

        var result = Store.With(exclusive, member, outside).Price(Of(Item("a", 100.00m)));

        // The exclusive 20.00 wins its group, then beats scenario N (outside alone, 15.00).
        Assert.Equal(ReasonCodes.LostInGroup, result.ReasonFor("member"));
        Assert.Equal(ReasonCodes.ExclusiveConflict, result.ReasonFor("outside"));
        Assert.Equal(20.00m, result.DiscountTotal);
    }

    [Fact]
    public void ALegacyCouponLosingInItsGroupTakesTheCodeSlotWithoutFallback()
    {
        var promotion = Offers.Fixed("p", OfferKind.CartLevelFixed, 10.00m).InGroup("g");
        var small = Offers.Fixed("small", OfferKind.CartLevelFixed, 3.00m).AsCoupon().InGroup("g");
        var other = Offers.Fixed("other", OfferKind.CartLevelFixed, 2.00m).AsCoupon();

        var result = Store.With(promotion, small, other).Code("SMALL", "small").Code("OTHER", "other").Legacy()
            .Price(Of(Item("a", 50.00m)).WithCodes("SMALL", "OTHER"));

        Assert.Equal(ReasonCodes.LostInGroup, result.RejectionOf("SMALL"));
        Assert.Equal(ReasonCodes.StackingDisabled, result.RejectionOf("OTHER"));
        Assert.Equal(10.00m, result.DiscountTotal);
    }

    [Fact]
    public void StopFurtherKeepsLaterOffersOffTheLinesItDiscounted()
    {
        var product = Offers.Percent("product", OfferKind.ProductLevelPercentage, 10).OnProducts("A");
        var cart = Offers.Percent("cart", OfferKind.CartLevelPercentage, 10);

        var stacked = Store.With(product, cart).Price(Of(Item("a", 100.00m, 1, "A"), Item("b", 100.00m, 1, "B")));
        var stopped = Store.With(product.StopFurther(), cart).Price(Of(Item("a", 100.00m, 1, "A"), Item("b", 100.00m, 1, "B")));

        Assert.Equal(29.00m, stacked.DiscountTotal);
        Assert.Equal([10.00m], stopped.Line("a").Amounts());
        Assert.Equal(10.00m, stopped.Line("b").AmountFrom("cart"));
    }

    [Fact]
    public void StopFurtherKeepsALaterBogoOffTheLinesItDiscounted()
    {
        var product = Offers.Percent("product", OfferKind.ProductLevelPercentage, 10).OnProducts("A").StopFurther();
        var bogo = Offers.Percent("bogo", OfferKind.BogoPercentage, 100).OnProducts("A", "B").BuyGet(1, 1);

        var result = Store.With(product, bogo).Price(Of(Item("a", 5.00m, 1, "A"), Item("b", 8.00m, 2, "B")));

        // Without the stop, the A unit (4.50 left) would be the free one; with it, only the two B units count.
        Assert.Equal(8.00m, result.Line("b").AmountFrom("bogo"));
        Assert.Equal(0.50m, result.Line("a").TotalDiscount);
    }
}
