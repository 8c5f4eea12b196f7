using FsCheck;
using FsCheck.Fluent;

namespace Storewise.Pricing.Tests.Properties;

/// <summary>
/// A hint is exact (docs/pricing-semantics.md, "Near-miss hints"): adding what it says is missing, at today's prices,
/// makes the offer apply, or an applied tiered offer reach its next tier; and an offer that applies has no hint to give.
/// </summary>
public sealed class HintProperties
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);
    private static readonly DateTimeOffset At = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AddingTheHintedAmountMakesTheOfferApply() =>
        Check.One(Runs, Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var random = new Random(seed);
            var currency = random.Next(3) switch { 0 => "EUR", 1 => "JPY", _ => "KWD" };
            var exponent = CurrencyMinorUnits.GetExponentOrDefault(currency);
            var unit = 1m / (decimal)Math.Pow(10, exponent);
            var offer = RandomOffer(random, currency, unit);
            var items = new List<CartItem>();
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                var product = random.Next(2) == 0 ? "P" : "Q";
                items.Add(new CartItem("l" + items.Count, product, random.Next(1, 3), random.Next(100, 5000) * unit, [], null));
            }

            var catalog = PromotionCatalog.Compile([offer], [], [], stackableCoupons: true);
            var cart = new Cart { Currency = currency, Items = items, ShippingCost = 5m };
            var result = PricingEngine.Evaluate(cart, At, catalog, new Dictionary<string, CouponCodeState>(), explain: true);
            var report = result.NotApplied!.Where(n => n.Id == offer.Id).Cast<NotAppliedPromotion?>().SingleOrDefault();
            if (report is null)
            {
                // It applies: a tiered offer below its highest tier reaches the next one with what its next-tier hint says.
                if (result.NextTiers.SingleOrDefault(n => n.Id == offer.Id) is { } next)
                {
                    var higher = PricingEngine.Evaluate(cart with { Items = WithHinted(items, next.Hint, random, unit) }, At, catalog, new Dictionary<string, CouponCodeState>(), explain: true);
                    Assert.True(higher.NotApplied!.All(n => n.Id != offer.Id), $"{offer.Kind} stopped applying after {next.Hint}");
                    Assert.True(
                        TierThreshold(offer, higher, WithHinted(items, next.Hint, random, unit)) > TierThreshold(offer, result, items),
                        $"{offer.Kind} did not reach the next tier after {next.Hint}");
                }

                return;
            }

            var entry = report.Value;
            var hint = entry.Hint;
            if (hint is null)
            {
                // The one case without a hint: a targeted product offer with no line of its products fails on targeting, not on a threshold.
                // A buy/get offer whose get set is short as well as its buy set misses two thresholds.
                var getShort = offer.Get is { } get && items.Where(i => get.IncludedProducts.Contains(i.ProductId)).Sum(i => i.Quantity) < get.Quantity;
                Assert.True(
                    (offer.Kind is OfferKind.ProductLevelFixed or OfferKind.ProductLevelPercentage && entry.Reason == ReasonCodes.NoEligibleItems && items.All(i => i.ProductId != "P"))
                    || (getShort && entry.Reason == ReasonCodes.NoEligibleItems),
                    $"{offer.Kind} with {entry.Reason} and no hint");
                return;
            }

            var added = WithHinted(items, hint, random, unit);
            var again = PricingEngine.Evaluate(cart with { Items = added }, At, catalog, new Dictionary<string, CouponCodeState>(), explain: true);
            Assert.True(again.NotApplied!.All(n => n.Id != offer.Id), $"{offer.Kind} still not applied after {hint}: {again.NotApplied!.Where(n => n.Id == offer.Id).Select(n => n.Reason).FirstOrDefault()}");
        }));

    // The cart with what the hint says is missing added, at today's prices (random ones for units).
    private static List<CartItem> WithHinted(List<CartItem> items, OfferHint hint, Random random, decimal unit)
    {
        var added = new List<CartItem>(items);
        if (hint.Kind == HintKind.CartValue)
        {
            added.Add(new CartItem("added", "P", 1, hint.MissingValue, [], null));
        }
        else if (hint.Items.Count > 0)
        {
            foreach (var shortfall in hint.Items)
            {
                added.Add(new CartItem("added-" + shortfall.ProductId, shortfall.ProductId, shortfall.Missing, random.Next(100, 5000) * unit, [], null));
            }
        }
        else
        {
            var product = hint.Products.Count > 0 ? hint.Products[random.Next(hint.Products.Count)] : "Q";
            added.Add(new CartItem("added", product, hint.MissingUnits, random.Next(100, 5000) * unit, [], null));
        }

        return added;
    }

    // The threshold of the next tier still to reach (cart value or units of P), or above every tier once the highest is reached.
    private static decimal TierThreshold(Offer offer, PricingResult result, List<CartItem> items)
    {
        if (result.NextTiers.SingleOrDefault(n => n.Id == offer.Id) is not { } next)
        {
            return decimal.MaxValue;
        }

        return next.Hint.Kind == HintKind.CartValue
            ? result.CatalogTotal + next.Hint.MissingValue
            : items.Where(i => i.ProductId == "P").Sum(i => i.Quantity) + next.Hint.MissingUnits;
    }

    private static Offer RandomOffer(Random random, string currency, decimal unit)
    {
        var kind = random.Next(8) switch
        {
            0 => OfferKind.CartLevelPercentage,
            1 => OfferKind.ProductLevelFixed,
            2 => OfferKind.BogoPercentage,
            3 => OfferKind.BundlePercentage,
            4 => OfferKind.ProductLevelPercentage,
            5 => OfferKind.BogoFixed,
            6 => OfferKind.FreeGift,
            _ => OfferKind.FreeShippingPercentage,
        };
        var offer = new Offer
        {
            Id = "o",
            Source = OfferSource.Promotion,
            Name = "o",
            Kind = kind,
            Active = true,
            ValidFrom = At.AddDays(-1),
            Currencies = [new CurrencyRule(currency, kind is OfferKind.BogoPercentage or OfferKind.BundlePercentage || random.Next(2) == 0 ? 0m : random.Next(1, 20_000) * unit)],
            Percent = 50m,
            Amounts = new Dictionary<string, decimal> { [currency] = unit },
            IncludedProducts = ["P"],
            BuyQuantity = random.Next(1, 4),
            GetQuantity = random.Next(1, 3),
            BundleProducts = [new BundleItem("P", random.Next(1, 3)), new BundleItem("Q", random.Next(1, 3))],
        };

        offer = kind switch
        {
            // Tiers above the offer's own terms: cart tiers on the catalog total, volume tiers on the units of P.
            OfferKind.CartLevelPercentage when random.Next(2) == 0 => offer with { Tiers = RandomTiers(random, random.Next(100, 5000), (step, threshold) => new RewardTier { MinimumCartValue = threshold * unit, Percent = 50m + step }) },
            OfferKind.ProductLevelPercentage => offer with { Tiers = RandomTiers(random, 3, (step, threshold) => new RewardTier { MinimumQuantity = threshold, Percent = 50m + step }) },
            // Buy from one set, get from another; the sets may share P.
            OfferKind.BogoFixed => offer with
            {
                Currencies = [new CurrencyRule(currency, 0m)],
                Buy = new UnitSet(random.Next(1, 4), random.Next(2) == 0 ? ["P"] : ["P", "Q"], []),
                Get = new UnitSet(random.Next(1, 3), random.Next(2) == 0 ? ["Q"] : ["P", "Q"], []),
            },
            OfferKind.FreeGift => offer with
            {
                Buy = new UnitSet(random.Next(1, 5), random.Next(2) == 0 ? ["P"] : ["P", "Q"], []),
                Gifts = [new GiftItem("G", 1)],
            },
            _ => offer,
        };

        // Only one threshold at a time: with two, no single amount makes the offer apply and there is no hint.
        return kind is OfferKind.CartLevelPercentage or OfferKind.ProductLevelFixed && random.Next(2) == 0 && offer.Currencies[0].MinimumCartValue == 0
            ? offer with { MinimumQuantity = random.Next(1, 6) }
            : kind == OfferKind.FreeGift && offer.Currencies[0].MinimumCartValue > 0 ? offer with { Currencies = [new CurrencyRule(currency, 0m)] } : offer;
    }

    // One to three tiers with strictly rising thresholds (each 1 to maxStep above the last) and percents.
    private static RewardTier[] RandomTiers(Random random, int maxStep, Func<int, int, RewardTier> tier)
    {
        var tiers = new RewardTier[random.Next(1, 4)];
        var threshold = 0;
        for (var step = 0; step < tiers.Length; step++)
        {
            threshold += random.Next(1, maxStep + 1);
            tiers[step] = tier(step + 1, threshold);
        }

        return tiers;
    }
}
