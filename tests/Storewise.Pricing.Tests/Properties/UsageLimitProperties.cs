using FsCheck;
using FsCheck.Fluent;

namespace Storewise.Pricing.Tests.Properties;

/// <summary>Invariants of usage limits and budget caps over random carts and offer sets (docs/pricing-semantics.md, "Limits and budgets").</summary>
public sealed class UsageLimitProperties
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);

    [Fact]
    public void NoOfferEverGivesMoreThanItsRemainingBudget() =>
        Check.One(Runs, Prop.ForAll(PricingCases.Any(), ArbMap.Default.ArbFor<int>(), (pricingCase, seed) =>
        {
            var random = new Random(seed);
            var scale = 1m;
            for (var i = 0; i < pricingCase.Exponent; i++)
            {
                scale *= 10m;
            }

            var budget = new UsageTerms { HasBudget = true };
            var usage = new Dictionary<string, OfferUsage>(StringComparer.Ordinal);
            foreach (var offer in pricingCase.Promotions.Concat(pricingCase.Coupons))
            {
                // Budgets from nothing left to more than any generated cart, with fractions of a minor unit.
                var minor = random.Next(4) switch { 0 => 0, 1 => random.Next(1, 100), 2 => random.Next(100, 20_000), _ => 10_000_000 };
                usage[offer.Id] = new OfferUsage { RemainingBudget = (minor + (decimal)random.NextDouble()) / scale };
            }

            var result = PricingEngine.Evaluate(
                pricingCase.Cart,
                PricingCase.EvaluatedAt,
                PromotionCatalog.Compile(
                    pricingCase.Promotions.Select(o => o with { UsageTerms = budget }),
                    pricingCase.Coupons.Select(o => o with { UsageTerms = budget }),
                    pricingCase.Excluded,
                    pricingCase.Stackable),
                pricingCase.Codes,
                usage,
                explain: true);

            var given = result.Items.SelectMany(i => i.Discounts).Concat(result.ShippingDiscounts)
                .GroupBy(d => d.Id)
                .ToDictionary(g => g.Key, g => g.Sum(d => d.Amount));
            foreach (var (offerId, amount) in given)
            {
                Assert.True(amount <= usage[offerId].RemainingBudget, $"{offerId} gave {amount} of a budget of {usage[offerId].RemainingBudget}");
            }

            Assert.Empty(result.UsageWanted);
        }));

    [Fact]
    public void OffersWithoutLimitsPriceAsBeforeWhateverUsageIsGiven() =>
        Check.One(Runs, Prop.ForAll(PricingCases.Any(), pricingCase =>
        {
            var exhausted = new OfferUsage { RemainingRedemptions = 0, RemainingCustomerRedemptions = 0, RemainingBudgetRedemptions = 0, RemainingBudget = 0m };
            var usage = pricingCase.Promotions.Concat(pricingCase.Coupons)
                .Select(o => o.Id)
                .Distinct(StringComparer.Ordinal)
                .ToDictionary(id => id, _ => exhausted, StringComparer.Ordinal);
            var catalog = PromotionCatalog.Compile(pricingCase.Promotions, pricingCase.Coupons, pricingCase.Excluded, pricingCase.Stackable);

            var before = PricingEngine.Evaluate(pricingCase.Cart, PricingCase.EvaluatedAt, catalog, pricingCase.Codes, explain: true);
            var withUsage = PricingEngine.Evaluate(pricingCase.Cart, PricingCase.EvaluatedAt, catalog, pricingCase.Codes, usage, explain: true);

            Assert.Equal(Describe.Result(before), Describe.Result(withUsage));
            Assert.Empty(withUsage.UsageWanted);
            Assert.Empty(withUsage.Usage!);
        }));

    [Fact]
    public void LimitsWithEverythingLeftPriceAsIfUnlimited() =>
        Check.One(Runs, Prop.ForAll(PricingCases.Any(), pricingCase =>
        {
            var terms = new UsageTerms { MaxRedemptions = 10, HasBudget = true, BudgetRedemptions = 10 };
            var ample = new OfferUsage { RemainingRedemptions = 10, RemainingBudgetRedemptions = 10, RemainingBudget = 1_000_000_000m };
            var usage = pricingCase.Promotions.Concat(pricingCase.Coupons)
                .Select(o => o.Id)
                .Distinct(StringComparer.Ordinal)
                .ToDictionary(id => id, _ => ample, StringComparer.Ordinal);
            var limited = PromotionCatalog.Compile(
                pricingCase.Promotions.Select(o => o with { UsageTerms = terms }),
                pricingCase.Coupons.Select(o => o with { UsageTerms = terms }),
                pricingCase.Excluded,
                pricingCase.Stackable);

            var unlimited = pricingCase.Price();
            var withLimits = PricingEngine.Evaluate(pricingCase.Cart, PricingCase.EvaluatedAt, limited, pricingCase.Codes, usage, explain: true);

            Assert.Equal(Describe.Result(unlimited), Describe.Result(withLimits));
        }));
}
