using FsCheck;
using FsCheck.Fluent;
using Storewise.Pricing.Tests.Support;

namespace Storewise.Pricing.Tests.Properties;

/// <summary>Invariants of the engine over random carts and offer sets (all kinds, several currencies).</summary>
public sealed class PricingProperties
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(400);

    [Fact]
    public void NoLineOrCartTotalIsNegativeAndTotalsAddUp() =>
        Check.One(Runs, Prop.ForAll(PricingCases.Any(), pricingCase =>
        {
            var result = pricingCase.Price();
            decimal catalog = 0, discount = 0, itemTotals = 0;
            for (var i = 0; i < result.Items.Count; i++)
            {
                var priced = result.Items[i];
                var item = pricingCase.Cart.Items[i];
                var lineCatalog = item.Price * item.Quantity;
                Assert.Same(item, priced.Item);
                Assert.True(priced.TotalDiscount >= 0 && priced.Total >= 0, $"line {item.Id} negative");
                Assert.Equal(lineCatalog - priced.TotalDiscount, priced.Total);
                Assert.Equal(priced.Discounts.Sum(d => d.Amount), priced.TotalDiscount);
                Assert.All(priced.Discounts, d => Assert.True(d.Amount > 0, "zero or negative entry")); // docs/pricing-rules.md A42
                catalog += lineCatalog;
                discount += priced.TotalDiscount;
                itemTotals += priced.Total;
            }

            var shippingCost = pricingCase.Cart.ShippingCost ?? 0m;
            var shippingDiscount = result.ShippingDiscounts.Sum(d => d.Amount);
            Assert.Equal(catalog, result.CatalogTotal);
            Assert.Equal(discount, result.DiscountTotal);
            Assert.True(result.DiscountTotal <= result.CatalogTotal, "item discounts exceed the catalog total");
            Assert.True(shippingDiscount <= shippingCost, "shipping discounts exceed the shipping cost");
            Assert.Equal(shippingCost - shippingDiscount, result.ShippingTotal); // docs/pricing-rules.md A51, A52
            Assert.Equal(itemTotals + result.ShippingTotal, result.Total);
            Assert.True(result.Total >= 0);
        }));

    [Fact]
    public void AllMoneyIsAtTheCurrencyMinorUnit() =>
        Check.One(Runs, Prop.ForAll(PricingCases.Any(), pricingCase =>
        {
            var result = pricingCase.Price();
            var scale = 1m;
            for (var i = 0; i < pricingCase.Exponent; i++)
            {
                scale *= 10m;
            }

            void AtMinorUnit(decimal amount, string what) =>
                Assert.True(decimal.Truncate(amount * scale) == amount * scale, $"{what} {amount} is finer than the minor unit");

            foreach (var item in result.Items)
            {
                AtMinorUnit(item.TotalDiscount, "line discount");
                AtMinorUnit(item.Total, "line total");
                foreach (var discount in item.Discounts)
                {
                    AtMinorUnit(discount.Amount, "entry");
                }
            }

            foreach (var discount in result.ShippingDiscounts)
            {
                AtMinorUnit(discount.Amount, "shipping entry");
            }

            AtMinorUnit(result.CatalogTotal, "catalog total");
            AtMinorUnit(result.DiscountTotal, "discount total");
            AtMinorUnit(result.ShippingTotal, "shipping total");
            AtMinorUnit(result.Total, "total");
        }));

    [Fact]
    public void GloballyExcludedProductsNeverTakeADiscount() =>
        Check.One(Runs, Prop.ForAll(PricingCases.Any(), pricingCase =>
        {
            foreach (var item in pricingCase.Price().Items)
            {
                if (pricingCase.Excluded.Contains(item.Item.ProductId))
                {
                    Assert.Empty(item.Discounts);
                }
            }
        }));

    [Fact]
    public void ResultDoesNotDependOnItemOrder() => ItemOrderDoesNotMatter(PricingCases.Any());

    [Fact]
    public void TieBreaksDoNotDependOnItemOrder() => ItemOrderDoesNotMatter(PricingCases.TieProne());

    private static void ItemOrderDoesNotMatter(Arbitrary<PricingCase> cases) =>
        Check.One(Runs, Prop.ForAll(cases, Arb.From(Gen.Choose(0, int.MaxValue)), (pricingCase, seed) =>
        {
            var shuffled = pricingCase.Cart.Items.ToArray();
            new Random(seed).Shuffle(shuffled);
            var original = pricingCase.Price();
            var reordered = pricingCase.Price(pricingCase.Cart with { Items = shuffled }, pricingCase.Promotions, pricingCase.Coupons);

            Assert.Equal(Describe.Result(original, itemsById: true), Describe.Result(reordered, itemsById: true));
        }));

    [Fact]
    public void ResultDoesNotDependOnOfferStorageOrder() =>
        Check.One(Runs, Prop.ForAll(PricingCases.Any(), Arb.From(Gen.Choose(0, int.MaxValue)), (pricingCase, seed) =>
        {
            var random = new Random(seed);
            var promotions = pricingCase.Promotions.ToArray();
            var coupons = pricingCase.Coupons.ToArray();
            random.Shuffle(promotions);
            random.Shuffle(coupons);

            Assert.Equal(
                Describe.Result(pricingCase.Price()),
                Describe.Result(pricingCase.Price(pricingCase.Cart, promotions, coupons)));
        }));

    [Fact]
    public void SameInputGivesTheSameOutput() =>
        Check.One(Runs, Prop.ForAll(PricingCases.Any(), pricingCase =>
        {
            var catalog = PromotionCatalog.Compile(pricingCase.Promotions, pricingCase.Coupons, pricingCase.Excluded, pricingCase.Stackable);
            var first = PricingEngine.Evaluate(pricingCase.Cart, PricingCase.EvaluatedAt, catalog, pricingCase.Codes, explain: true);
            var second = PricingEngine.Evaluate(pricingCase.Cart, PricingCase.EvaluatedAt, catalog, pricingCase.Codes, explain: true);

            Assert.Equal(Describe.Result(first), Describe.Result(second));
        }));

    [Fact]
    public void ExplainChangesNothingButTheReport() =>
        Check.One(Runs, Prop.ForAll(PricingCases.Any(), pricingCase =>
        {
            var explained = pricingCase.Price(explain: true);
            var plain = pricingCase.Price(explain: false);

            Assert.Null(plain.NotApplied);
            Assert.Equal(Describe.Result(explained with { NotApplied = null }), Describe.Result(plain));
        }));

    [Fact]
    public void InputsAreNotMutated() =>
        Check.One(Runs, Prop.ForAll(PricingCases.Any(), pricingCase =>
        {
            var before = pricingCase.ToString();
            _ = pricingCase.Price();
            Assert.Equal(before, pricingCase.ToString());
        }));

    [Fact]
    public void EveryPromotionIsAppliedOrReportedExactlyOnce() =>
        Check.One(Runs, Prop.ForAll(PricingCases.Any(), pricingCase =>
        {
            var result = pricingCase.Price();
            var applied = result.Items.SelectMany(i => i.Discounts).Concat(result.ShippingDiscounts)
                .Where(d => d.Source == OfferSource.Promotion).Select(d => d.Id)
                .Concat(result.AddedItems.Where(a => a.Source == OfferSource.Promotion).Select(a => a.OfferId)) // a gift applies by adding items
                .ToHashSet();
            var reported = result.NotApplied!.Select(n => n.Id).ToList();

            Assert.Equal(reported.Count, reported.Distinct().Count());
            Assert.Empty(applied.Intersect(reported));
            Assert.Equal(pricingCase.Promotions.Select(p => p.Id).Order(StringComparer.Ordinal), applied.Concat(reported).Order(StringComparer.Ordinal));
        }));

    [Fact]
    public void CartLevelSplitMatchesAReferenceLargestRemainder() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(PricingCases.ManyLinesOneCartFixed(), pricingCase =>
        {
            var result = pricingCase.Price();
            var scale = 1m;
            for (var i = 0; i < pricingCase.Exponent; i++)
            {
                scale *= 10m;
            }

            // Reference Hamilton split in minor units (docs/pricing-rules.md A07, A08): floors, then one unit each to the largest
            // remainders, ties to the larger weight, then the smaller line id (ordinal).
            var lines = pricingCase.Cart.Items.Select(i => (i.Id, Weight: (long)(i.Price * scale))).ToArray();
            var basis = lines.Sum(l => l.Weight);
            var total = Math.Min((long)(pricingCase.Promotions[0].Amounts.Values.Single() * scale), basis);
            var expected = lines.ToDictionary(l => l.Id, l => basis == 0 ? 0 : total * l.Weight / basis);
            var leftover = total - expected.Values.Sum();
            var winners = lines
                .OrderByDescending(l => basis == 0 ? 0 : total * l.Weight % basis)
                .ThenByDescending(l => l.Weight)
                .ThenBy(l => l.Id, StringComparer.Ordinal)
                .Take((int)leftover);
            foreach (var winner in winners)
            {
                expected[winner.Id]++;
            }

            foreach (var item in result.Items)
            {
                Assert.Equal(expected[item.Item.Id] / scale, item.TotalDiscount);
            }
        }));

    [Fact]
    public void CartLevelSharesSumExactlyToTheRoundedCartDiscount() =>
        Check.One(Runs, Prop.ForAll(PricingCases.CartLevelAfterProductLevel(), pricingCase =>
        {
            var result = pricingCase.Price();
            var cartOffer = pricingCase.Promotions[^1];
            var exponent = pricingCase.Exponent;

            // Product-level discounts all run before cart-level ones (docs/spec.md §4.2), so the base is what they left on
            // the lines that are not globally excluded (docs/spec.md §4.3, docs/pricing-rules.md A09).
            decimal basis = 0;
            var remaining = new Dictionary<string, decimal>();
            foreach (var item in result.Items)
            {
                var left = (item.Item.Price * item.Item.Quantity) - item.Discounts.Where(d => d.Level == "item").Sum(d => d.Amount);
                remaining[item.Item.Id] = left;
                if (!pricingCase.Excluded.Contains(item.Item.ProductId))
                {
                    basis += left;
                }
            }

            var expected = cartOffer.Kind == OfferKind.CartLevelPercentage
                ? decimal.Round(basis * cartOffer.Percent!.Value / 100m, exponent, MidpointRounding.AwayFromZero)
                : Math.Min(decimal.Round(cartOffer.Amounts.Values.Single(), exponent, MidpointRounding.AwayFromZero), basis);

            var shares = result.Items.ToDictionary(i => i.Item.Id, i => i.AmountFrom(cartOffer.Id));
            Assert.Equal(expected, shares.Values.Sum());

            // docs/pricing-rules.md A07: each share is its exact quota rounded down or up by one minor unit, and never above the line.
            var unit = 1m;
            for (var i = 0; i < exponent; i++)
            {
                unit /= 10m;
            }

            foreach (var (lineId, share) in shares)
            {
                Assert.True(share <= remaining[lineId], $"share of {lineId} exceeds its remaining amount");
                if (basis > 0 && !pricingCase.Excluded.Contains(result.Items.First(i => i.Item.Id == lineId).Item.ProductId))
                {
                    var quota = expected * remaining[lineId] / basis;
                    Assert.True(share >= quota - unit && share <= quota + unit, $"share {share} of {lineId} is far from its quota {quota}");
                }
            }
        }));
}
