using FsCheck;
using FsCheck.Fluent;

namespace Storewise.Pricing.Tests.Properties;

/// <summary>
/// A catalogue derived by <see cref="PromotionCatalog.Apply"/> prices every cart exactly as a fresh compile of the
/// same offers: amounts, entry order, ties and the explain report (docs/decisions/0514-incremental-catalogue-updates.md).
/// </summary>
public sealed class IncrementalUpdateProperties
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);

    [Fact]
    public void RandomEditSequencesPriceLikeAFreshCompile() =>
        Check.One(Runs, Prop.ForAll(PricingCases.Any(), PricingCases.Any(), ArbMap.Default.ArbFor<int>(), (start, pool, seed) =>
        {
            var random = new Random(seed);
            var edits = new OfferEdits(start);
            var catalog = PromotionCatalog.Compile(start.Promotions, start.Coupons, start.Excluded, start.Stackable);
            var offers = pool.Promotions.Concat(pool.Coupons).ToArray();
            var carts = new[] { start.Cart, pool.Cart with { CouponCodes = [.. start.Cart.CouponCodes, .. pool.Cart.CouponCodes] } };
            for (var step = 0; step < 8; step++)
            {
                var change = edits.RandomChange(random, offers, step);
                catalog = catalog.Apply(change);
                var fresh = PromotionCatalog.Compile(edits.Promotions, edits.Coupons, start.Excluded, start.Stackable);
                foreach (var cart in carts)
                {
                    Assert.Equal(Price(start, cart, fresh), Price(start, cart, catalog));
                }
            }
        }));

    [Fact]
    public void OffersCrowdedIntoOneAgeGapStillPriceLikeAFreshCompile()
    {
        // Every new offer is created at the same instant with an id just after the last: each lands in the gap
        // between the same two neighbours, which has room for about 32 halvings before a fresh compile takes over.
        var created = PricingCase.EvaluatedAt.AddDays(-5);
        var first = Offer("A", created, 10m);
        var last = Offer("B", created, 20m);
        var promotions = new List<Offer> { first, last };
        var catalog = PromotionCatalog.Compile(promotions, [], [], true);
        var id = "A";
        for (var i = 0; i < 80; i++)
        {
            id += "0";
            var offer = Offer(id, created, 10m + (i % 3));
            promotions.Add(offer);
            catalog = catalog.Apply(CatalogueChange.Upsert(offer));
        }

        var cart = new Cart { Currency = "EUR", Items = [new CartItem("l1", "P1", 2, 100m, [], null)] };
        var fresh = PromotionCatalog.Compile(promotions, [], [], true);
        var pricingCase = new PricingCase(cart, [], [], [], [], true);
        Assert.Equal(Price(pricingCase, cart, fresh), Price(pricingCase, cart, catalog));
        Assert.Equal(82, catalog.PromotionCount);
    }

    [Fact]
    public void AChangeLargerThanTheIncrementalLimitIsCompiledAfresh()
    {
        var created = PricingCase.EvaluatedAt.AddDays(-5);
        var offers = Enumerable.Range(0, PromotionCatalog.LargestIncrementalChange + 10)
            .Select(i => Offer("X" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), created.AddMinutes(i), 1m + (i % 7)))
            .ToArray();
        var catalog = PromotionCatalog.Compile([], [], [], true).Apply(CatalogueChange.Upsert(offers));
        var cart = new Cart { Currency = "EUR", Items = [new CartItem("l1", "P1", 3, 50m, [], null)] };
        var pricingCase = new PricingCase(cart, [], [], [], [], true);
        Assert.Equal(Price(pricingCase, cart, PromotionCatalog.Compile(offers, [], [], true)), Price(pricingCase, cart, catalog));
    }

    [Fact]
    public void EditsOfACatalogueOfSeveralBlocksPriceLikeAFreshCompile()
    {
        // Thousands of offers: the catalogue's arrays span several blocks, so edits copy some and share the rest
        // (docs/decisions/0530-edits-share-blocks.md); the explain report lists every promotion in report order.
        var random = new Random(18);
        var created = PricingCase.EvaluatedAt.AddDays(-30);
        Offer Numbered(int i) => Offer("Q" + (i * 7919 % 100_000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture), created.AddMinutes(random.Next(5_000)), 1m + (i % 9)) with
        {
            IncludedProducts = ["P" + (i % 60).ToString(System.Globalization.CultureInfo.InvariantCulture)],
        };
        var promotions = Enumerable.Range(0, 3_500).Select(Numbered).ToList();
        var catalog = PromotionCatalog.Compile(promotions, [], [], true);
        var cart = new Cart { Currency = "EUR", Items = [.. Enumerable.Range(0, 6).Select(i => new CartItem("l" + i, "P" + (i * 11), 1 + i, 20m + i, [], null))] };
        var pricingCase = new PricingCase(cart, [], [], [], [], true);
        for (var step = 0; step < 30; step++)
        {
            var upserted = new List<Offer>();
            var removed = new List<string>();
            for (var operation = random.Next(1, 4); operation > 0; operation--)
            {
                var at = random.Next(promotions.Count);
                switch (random.Next(3))
                {
                    case 0 when !upserted.Exists(o => o.Id == promotions[at].Id):
                        removed.Add(promotions[at].Id);
                        promotions.RemoveAt(at);
                        break;
                    case 1 when !removed.Contains(promotions[at].Id) && !upserted.Exists(o => o.Id == promotions[at].Id):
                        promotions[at] = promotions[at] with { Percent = 50m - step, ValidTo = random.Next(2) == 0 ? PricingCase.EvaluatedAt.AddDays(-1) : null };
                        upserted.Add(promotions[at]);
                        break;
                    default:
                        var added = Numbered(10_000 + (step * 10) + operation) with { Id = "R" + step + "-" + operation };
                        promotions.Add(added);
                        upserted.Add(added);
                        break;
                }
            }

            catalog = catalog.Apply(new CatalogueChange(upserted, removed));
            Assert.Equal(Price(pricingCase, cart, PromotionCatalog.Compile(promotions, [], [], true)), Price(pricingCase, cart, catalog));
        }

        Assert.Equal(promotions.Count, catalog.PromotionCount);
    }

    private static string Price(PricingCase pricingCase, Cart cart, PromotionCatalog catalog) =>
        Describe.Result(PricingEngine.Evaluate(cart, PricingCase.EvaluatedAt, catalog, pricingCase.Codes, explain: true));

    private static Offer Offer(string id, DateTimeOffset created, decimal percent) => new()
    {
        Id = id,
        Source = OfferSource.Promotion,
        Name = "Offer " + id,
        Kind = OfferKind.ProductLevelPercentage,
        Active = true,
        ValidFrom = created,
        CreatedAt = created,
        Currencies = [new CurrencyRule("EUR", 0m)],
        Percent = percent,
        IncludedProducts = ["P1"],
    };

    /// <summary>The stored offers as a test keeps them (replaced in place, added at the end) and random changes of them.</summary>
    private sealed class OfferEdits(PricingCase start)
    {
        public List<Offer> Promotions { get; } = [.. start.Promotions];

        public List<Offer> Coupons { get; } = [.. start.Coupons];

        public CatalogueChange RandomChange(Random random, Offer[] pool, int step)
        {
            var upserted = new List<Offer>();
            var removed = new List<string>();
            var operations = random.Next(1, 4);
            for (var operation = 0; operation < operations; operation++)
            {
                var ids = Promotions.Concat(Coupons).Select(o => o.Id).ToArray();
                var roll = random.Next(100);
                if (roll < 30 && ids.Length > 0)
                {
                    var id = ids[random.Next(ids.Length)];
                    removed.Add(id);
                    upserted.RemoveAll(o => o.Id == id);
                    Take(id);
                    continue;
                }

                if (pool.Length == 0)
                {
                    continue;
                }

                var template = pool[random.Next(pool.Length)];
                var source = random.Next(5) == 0 ? (template.Source == OfferSource.Coupon ? OfferSource.Promotion : OfferSource.Coupon) : template.Source;
                // Replace an offer, or add one whose id may sort next to an existing one or differ from it in case only.
                var newId = random.Next(3) switch
                {
                    0 when ids.Length > 0 => ids[random.Next(ids.Length)] + "0",
                    1 when ids.Length > 0 => ids[random.Next(ids.Length)].ToLowerInvariant(),
                    _ => "N" + step + "-" + operation,
                };
                var offerId = roll < 65 && ids.Length > 0 ? ids[random.Next(ids.Length)] : newId;
                if (Coupons.Exists(c => string.Equals(c.Id, offerId, StringComparison.OrdinalIgnoreCase) && c.Id != offerId))
                {
                    // Two coupons whose ids differ in case only: a fresh compile keeps the first one it is given, so
                    // its answer depends on the order of its input; such a pair stays out of the comparison.
                    source = OfferSource.Promotion;
                }

                var offer = template with { Id = offerId, Source = source };
                upserted.RemoveAll(o => o.Id == offer.Id);
                upserted.Add(offer);
                removed.Remove(offer.Id);
                Put(offer);
            }

            return new CatalogueChange(upserted, removed);
        }

        private void Take(string id)
        {
            Promotions.RemoveAll(o => o.Id == id);
            Coupons.RemoveAll(o => o.Id == id);
        }

        private void Put(Offer offer)
        {
            var list = offer.Source == OfferSource.Coupon ? Coupons : Promotions;
            var at = list.FindIndex(o => o.Id == offer.Id);
            if (at >= 0)
            {
                list[at] = offer;
                return;
            }

            Take(offer.Id);
            list.Add(offer);
        }
    }
}
