using Storewise.Pricing.Tests.Support;
using static Storewise.Pricing.Tests.Support.Carts;

namespace Storewise.Pricing.Tests.Examples;

/// <summary>The worked examples of docs/pricing-semantics.md, "Limits and budgets".</summary>
public sealed class UsageLimitTests
{
    private static readonly UsageTerms OfferLimit = new() { MaxRedemptions = 100 };
    private static readonly UsageTerms CustomerLimit = new() { MaxRedemptionsPerCustomer = 1 };

    [Fact]
    public void OfferWithNoUsesLeftIsNotAppliedWithLimitReached()
    {
        var result = Store.With(Offers.Percent("p", OfferKind.CartLevelPercentage, 10).Limited(OfferLimit))
            .Usage("p", new OfferUsage { RemainingRedemptions = 0 })
            .Price(Of(Item("a", 50.00m)));

        Assert.Equal(0.00m, result.DiscountTotal);
        Assert.Equal(ReasonCodes.LimitReached, result.ReasonFor("p"));
    }

    [Fact]
    public void OfferWithOneUseLeftApplies()
    {
        var result = Store.With(Offers.Percent("p", OfferKind.CartLevelPercentage, 10).Limited(OfferLimit))
            .Usage("p", new OfferUsage { RemainingRedemptions = 1 })
            .Price(Of(Item("a", 50.00m)));

        Assert.Equal(5.00m, result.DiscountTotal);
        Assert.Null(result.ReasonFor("p"));
        Assert.Empty(result.UsageWanted);
    }

    [Fact]
    public void CustomerWithNoUsesLeftIsRejectedWithCustomerLimitReached()
    {
        var result = Store.With(Offers.Fixed("c", OfferKind.CartLevelFixed, 5.00m).AsCoupon().Limited(CustomerLimit))
            .Code("SAVE5", "c")
            .Usage("c", new OfferUsage { RemainingCustomerRedemptions = 0 })
            .Price(Of(Item("a", 50.00m)).WithCodes("SAVE5") with { CustomerId = "cust-1" });

        Assert.Equal(0.00m, result.DiscountTotal);
        Assert.Equal(ReasonCodes.CustomerLimitReached, result.RejectionOf("SAVE5"));
        Assert.Equal(0, Assert.Single(result.Usage!).Usage.RemainingCustomerRedemptions); // explain shows why
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void PerCustomerLimitNeedsACustomerId(string? customerId)
    {
        var result = Store.With(
                Offers.Fixed("c", OfferKind.CartLevelFixed, 5.00m).AsCoupon().Limited(CustomerLimit),
                Offers.Percent("p", OfferKind.CartLevelPercentage, 10).Limited(CustomerLimit))
            .Code("SAVE5", "c")
            .Price(Of(Item("a", 50.00m)).WithCodes("SAVE5") with { CustomerId = customerId });

        Assert.Equal(0.00m, result.DiscountTotal);
        Assert.Equal(ReasonCodes.CustomerRequired, result.RejectionOf("SAVE5"));
        Assert.Equal(ReasonCodes.CustomerRequired, result.ReasonFor("p"));
    }

    [Fact]
    public void RedemptionOfAPerCustomerCouponNeedsACustomerId()
    {
        var coupon = Offers.Fixed("c", OfferKind.CartLevelFixed, 5.00m).AsCoupon().Limited(CustomerLimit);
        var catalog = PromotionCatalog.Compile([], [coupon], [], stackableCoupons: true);
        var code = new CouponCodeState("SAVE5", "c", Active: true, Redemptions: 0);

        Assert.Equal(EligibilityVerdict.CustomerRequired, CouponRedemption.Check(catalog, code, new RedemptionContext("EUR", 50m, null, Offers.Now)));
        Assert.Equal(EligibilityVerdict.Eligible, CouponRedemption.Check(catalog, code, new RedemptionContext("EUR", 50m, "cust-1", Offers.Now)));
        Assert.Equal(
            EligibilityVerdict.CustomerLimitReached,
            CouponRedemption.Check(catalog, code, new RedemptionContext("EUR", 50m, "cust-1", Offers.Now) { Usage = new OfferUsage { RemainingCustomerRedemptions = 0 } }));
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void CodeWithItsUsesTakenIsRejectedWithLimitReached(int redemptions, bool rejected)
    {
        var result = Store.With(Offers.Fixed("c", OfferKind.CartLevelFixed, 5.00m).AsCoupon().Limited(new UsageTerms { MaxRedemptionsPerCode = 3 }))
            .Code("SAVE5", "c", redemptions: redemptions)
            .Price(Of(Item("a", 50.00m)).WithCodes("SAVE5"));

        Assert.Equal(rejected ? ReasonCodes.LimitReached : null, result.RejectionOf("SAVE5"));
        Assert.Equal(rejected ? 0.00m : 5.00m, result.DiscountTotal);
        Assert.Empty(result.UsageWanted); // the code's own count is all a per-code limit needs
    }

    [Fact]
    public void CouponOutOfUsesDoesNotStopALaterCodeInLegacyMode()
    {
        var result = Store.With(
                Offers.Fixed("c1", OfferKind.CartLevelFixed, 5.00m).AsCoupon().Limited(OfferLimit),
                Offers.Fixed("c2", OfferKind.CartLevelFixed, 3.00m).AsCoupon())
            .Code("FIVE", "c1")
            .Code("THREE", "c2")
            .Usage("c1", new OfferUsage { RemainingRedemptions = 0 })
            .Legacy()
            .Price(Of(Item("a", 50.00m)).WithCodes("FIVE", "THREE"));

        Assert.Equal(ReasonCodes.LimitReached, result.RejectionOf("FIVE"));
        Assert.Null(result.RejectionOf("THREE"));
        Assert.Equal(3.00m, result.DiscountTotal);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(null, 0.0)]
    [InlineData(null, 0.004)]
    public void SpentBudgetIsNotAppliedWithBudgetExhausted(int? remainingUses, double? remainingMoney)
    {
        var result = Store.With(Offers.Percent("p", OfferKind.CartLevelPercentage, 10).WithBudget(1000m))
            .Usage("p", new OfferUsage { RemainingBudgetRedemptions = remainingUses, RemainingBudget = (decimal?)remainingMoney })
            .Price(Of(Item("a", 50.00m)));

        Assert.Equal(0.00m, result.DiscountTotal);
        Assert.Equal(ReasonCodes.BudgetExhausted, result.ReasonFor("p"));
    }

    [Fact]
    public void BudgetSmallerThanTheDiscountCapsItByLargestRemainder()
    {
        // Uncapped 20%: a 6.00, b 4.00, c 2.00 = 12.00. Cap 5.00: quotas 2.50, 1.666…, 0.833… → 2.50, 1.66, 0.83,
        // and the leftover cent goes to the largest remainder (b).
        var result = Store.With(Offers.Percent("p", OfferKind.ProductLevelPercentage, 20).OnProducts("a", "b", "c").WithBudget(1000m))
            .Usage("p", new OfferUsage { RemainingBudget = 5.00m })
            .Price(Of(Item("a", 30.00m), Item("b", 20.00m), Item("c", 10.00m)));

        Assert.Equal(2.50m, result.Line("a").TotalDiscount);
        Assert.Equal(1.67m, result.Line("b").TotalDiscount);
        Assert.Equal(0.83m, result.Line("c").TotalDiscount);
        Assert.Equal(5.00m, result.DiscountTotal);
    }

    [Fact]
    public void BudgetLargerThanTheDiscountChangesNothing()
    {
        var result = Store.With(Offers.Percent("p", OfferKind.ProductLevelPercentage, 20).OnProducts("a", "b", "c").WithBudget(1000m))
            .Usage("p", new OfferUsage { RemainingBudget = 12.00m })
            .Price(Of(Item("a", 30.00m), Item("b", 20.00m), Item("c", 10.00m)));

        Assert.Equal(6.00m, result.Line("a").TotalDiscount);
        Assert.Equal(12.00m, result.DiscountTotal);
    }

    [Fact]
    public void CappedShippingDiscountLeavesTheRestOfTheShippingToPay()
    {
        var result = Store.With(Offers.Percent("s", OfferKind.FreeShippingPercentage, 100).WithBudget(1000m))
            .Usage("s", new OfferUsage { RemainingBudget = 5.00m })
            .Price(Of(Item("a", 50.00m)).WithShipping(8.00m));

        Assert.Equal(5.00m, result.ShippingDiscounts.Sum(d => d.Amount));
        Assert.Equal(3.00m, result.ShippingTotal);
    }

    [Fact]
    public void WhatACapGivesBackIsLeftForTheOffersAfterIt()
    {
        // Promotion 50% on a (5.00) capped at 2.00 leaves 8.00; the coupon's 10% then takes 0.80.
        var result = Store.With(
                Offers.Percent("p", OfferKind.ProductLevelPercentage, 50).OnProducts("a").WithBudget(1000m),
                Offers.Percent("c", OfferKind.CartLevelPercentage, 10).AsCoupon())
            .Code("TEN", "c")
            .Usage("p", new OfferUsage { RemainingBudget = 2.00m })
            .Price(Of(Item("a", 10.00m)).WithCodes("TEN"));

        Assert.Equal([2.00m, 0.80m], result.Line("a").Amounts());
        Assert.Equal(2.80m, result.DiscountTotal);
    }

    [Fact]
    public void ExclusiveOfferIsComparedAtItsCappedSaving()
    {
        // Uncapped the exclusive offer saves 30.00 and would win; capped at 5.00 it loses to the 10.00 of scenario N.
        var result = Store.With(
                Offers.Percent("x", OfferKind.CartLevelPercentage, 30).Exclusive().WithBudget(1000m),
                Offers.Percent("n", OfferKind.CartLevelPercentage, 10))
            .Usage("x", new OfferUsage { RemainingBudget = 5.00m })
            .Price(Of(Item("a", 100.00m)));

        Assert.Equal(10.00m, result.DiscountTotal);
        Assert.Equal(ReasonCodes.ExclusiveConflict, result.ReasonFor("x"));
    }

    [Fact]
    public void LimitedOfferWithoutUsageIsPricedAsUnlimitedAndAskedFor()
    {
        var result = Store.With(
                Offers.Percent("p", OfferKind.CartLevelPercentage, 10).Limited(OfferLimit),
                Offers.Percent("u", OfferKind.ProductLevelPercentage, 10).OnProducts("a"))
            .Price(Of(Item("a", 50.00m)));

        Assert.Equal(["p"], result.UsageWanted);
        Assert.Equal(9.50m, result.DiscountTotal);
    }

    [Fact]
    public void ExplainShowsTheUsageEachLimitedOfferWasPricedWith()
    {
        var usage = new OfferUsage { RemainingRedemptions = 7, RemainingBudget = 120.00m };
        var result = Store.With(Offers.Percent("p", OfferKind.CartLevelPercentage, 10).Limited(OfferLimit with { HasBudget = true }))
            .Usage("p", usage)
            .Price(Of(Item("a", 50.00m)));

        var report = Assert.Single(result.Usage!);
        Assert.Equal("p", report.Id);
        Assert.Same(usage, report.Usage);
    }
}
