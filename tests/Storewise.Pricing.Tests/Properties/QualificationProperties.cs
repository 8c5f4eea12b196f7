using FsCheck;
using FsCheck.Fluent;

namespace Storewise.Pricing.Tests.Properties;

/// <summary>
/// Qualification gives each offer the saving a full evaluation gives it (docs/pricing-semantics.md, "Qualification";
/// docs/decisions/1005-coupon-qualification-by-increment.md): an applied promotion what it takes in the cart priced
/// without codes, a coupon what it takes when a code of it is added and the cart is priced again, over random carts,
/// offer sets (exclusive offers, stacking groups shared by promotions and coupons, stopFurther, tiers, caps, legacy
/// mode) and usage limits and budgets.
/// </summary>
public sealed class QualificationProperties
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(1000);
    private static readonly IReadOnlyDictionary<string, CouponCodeState> NoCodes = new Dictionary<string, CouponCodeState>();

    [Fact]
    public void EverySavingIsWhatAFullEvaluationGivesTheOffer() =>
        Check.One(Runs, Prop.ForAll(PricingCases.ManyCoupons(), ArbMap.Default.ArbFor<int>(), (pricingCase, seed) =>
        {
            var random = new Random(seed);
            var usage = new Dictionary<string, OfferUsage>(StringComparer.Ordinal);
            var promotions = pricingCase.Promotions.Select(o => Limited(Grouped(o, random), random, usage, pricingCase.Exponent)).ToArray();
            var coupons = pricingCase.Coupons.Select(o => Limited(Grouped(o, random), random, usage, pricingCase.Exponent)).ToArray();
            var catalog = PromotionCatalog.Compile(promotions, coupons, pricingCase.Excluded, pricingCase.Stackable);
            var cart = pricingCase.Cart with { CouponCodes = [] };

            var qualified = OfferQualification.Qualify(cart, PricingCase.EvaluatedAt, catalog, usage, includeCoupons: true);

            var withoutCodes = PricingEngine.Evaluate(cart, PricingCase.EvaluatedAt, catalog, NoCodes, usage, explain: false);
            foreach (var promotion in promotions)
            {
                var taken = Taken(withoutCodes, OfferSource.Promotion, promotion.Id);
                var listed = Applying(qualified, OfferSource.Promotion, promotion.Id);
                Assert.True(
                    taken == (listed?.Saving ?? 0m),
                    $"promotion {promotion.Id}: qualification {listed?.Saving}, evaluation {taken}\n{Describe.Result(withoutCodes)}");
            }

            foreach (var coupon in coupons)
            {
                var codes = new Dictionary<string, CouponCodeState>(StringComparer.OrdinalIgnoreCase) { [coupon.Id] = new(coupon.Id, coupon.Id, true, 0) };
                var withCode = PricingEngine.Evaluate(cart with { CouponCodes = [coupon.Id] }, PricingCase.EvaluatedAt, catalog, codes, usage, explain: false);
                var taken = Taken(withCode, OfferSource.Coupon, coupon.Id);
                var listed = Applying(qualified, OfferSource.Coupon, coupon.Id);

                // A coupon short of units is listed with its hint rather than priced; every other one that takes something is priced.
                var nearlyApplies = qualified.Offers.Any(o => o.Source == OfferSource.Coupon && o.Id == coupon.Id && o.Reason is not null);
                Assert.True(
                    listed is not null ? listed.Saving == taken : taken == 0m || nearlyApplies,
                    $"coupon {coupon.Id}: qualification {listed?.Saving}, evaluation with its code {taken}\n{Describe.Result(withCode)}");
            }
        }));

    // Coupons are not in the catalogue index, so their hints count units over every line; promotions' over the lines
    // that found them through it. For the reasons a coupon that passes its checks or fails a threshold is judged by
    // (a threshold, or no_eligible_items), the same offer as a promotion must get the same hint as a coupon.
    [Fact]
    public void APromotionsHintIsThatOfTheSameOfferAsACoupon() =>
        Check.One(Runs, Prop.ForAll(PricingCases.Any(), pricingCase =>
        {
            var promotions = pricingCase.Promotions.Select(o => o with { Consumers = [] }).ToArray();
            var twins = promotions.Select(o => o with { Id = "twin-" + o.Id, Source = OfferSource.Coupon }).ToArray();
            var catalog = PromotionCatalog.Compile(promotions, twins, pricingCase.Excluded, pricingCase.Stackable);
            var cart = pricingCase.Cart with { CouponCodes = [] };

            var explained = PricingEngine.Evaluate(cart, PricingCase.EvaluatedAt, catalog, NoCodes, explain: true);
            var qualified = OfferQualification.Qualify(cart, PricingCase.EvaluatedAt, catalog, new Dictionary<string, OfferUsage>(), includeCoupons: true);

            foreach (var report in explained.NotApplied!.Where(n => ComparableReasons.Contains(n.Reason)))
            {
                var asPromotion = HintText(report.Reason, report.Hint);
                var asCoupon = qualified.Offers.SingleOrDefault(o => o.Source == OfferSource.Coupon && o.Id == "twin-" + report.Id && o.Hint is not null) is { } twin
                    ? HintText(twin.Reason, twin.Hint)
                    : HintText(report.Reason, null);
                Assert.True(asPromotion == asCoupon, $"{report.Id}: as a promotion {asPromotion}, as a coupon {asCoupon}");
            }
        }));

    private static readonly HashSet<string> ComparableReasons =
    [
        ReasonCodes.NotStarted, ReasonCodes.OutsideSchedule, ReasonCodes.BelowMinimumCartValue, ReasonCodes.BelowMinimumQuantity, ReasonCodes.NoEligibleItems,
    ];

    private static string HintText(string? reason, OfferHint? hint) =>
        hint is null
            ? reason + " without a hint"
            : string.Join(
                " ",
                reason,
                hint.Kind,
                hint.MissingValue,
                hint.Currency,
                hint.MissingUnits,
                hint.OpensAt,
                string.Join(",", hint.Products),
                string.Join(",", hint.Categories.Select(c => string.Join("/", c))),
                string.Join(",", hint.Items.Select(i => i.ProductId + ":" + i.Missing)));

    private static decimal Taken(PricingResult result, OfferSource source, string id) =>
        result.Items.SelectMany(i => i.Discounts).Concat(result.ShippingDiscounts).Where(d => d.Source == source && d.Id == id).Sum(d => d.Amount);

    private static QualifiedOffer? Applying(QualificationResult result, OfferSource source, string id) =>
        result.Offers.SingleOrDefault(o => o.Source == source && o.Id == id && o.Reason is null);

    // Often one stacking group for promotions and coupons alike, so that coupons meet promotions in it.
    private static Offer Grouped(Offer offer, Random random) => random.Next(4) == 0 ? offer with { StackingGroup = "shared" } : offer;

    // Now and then a limit: a budget (at times smaller than any discount), uses left or none, a per-customer limit, a
    // per-code limit, or a limit whose usage is not given.
    private static Offer Limited(Offer offer, Random random, Dictionary<string, OfferUsage> usage, int exponent)
    {
        var scale = (decimal)Math.Pow(10, exponent);
        switch (random.Next(8))
        {
            case 0:
                usage[offer.Id] = new OfferUsage { RemainingBudget = (random.Next(0, 3000) + (decimal)random.NextDouble()) / scale };
                return offer with { UsageTerms = new UsageTerms { HasBudget = true } };
            case 1:
                usage[offer.Id] = new OfferUsage { RemainingRedemptions = random.Next(0, 2) };
                return offer with { UsageTerms = new UsageTerms { MaxRedemptions = 5 } };
            case 2:
                usage[offer.Id] = new OfferUsage { RemainingCustomerRedemptions = random.Next(0, 2) };
                return offer with { UsageTerms = new UsageTerms { MaxRedemptionsPerCustomer = 1 } };
            case 3:
                return offer with { UsageTerms = new UsageTerms { MaxRedemptions = 5, MaxRedemptionsPerCode = random.Next(0, 2) } };
            default:
                return offer;
        }
    }
}
