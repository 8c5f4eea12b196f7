using FsCheck;
using FsCheck.Fluent;

namespace Storewise.Pricing.Tests.Properties;

/// <summary>
/// A hint is exact (docs/pricing-semantics.md, "Near-miss hints"): adding what it says is missing, at today's prices,
/// makes the offer apply; and an offer that applies has no hint to give.
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
                return; // it applies already
            }

            var entry = report.Value;
            var hint = entry.Hint;
            if (hint is null)
            {
                // The one case without a hint: a targeted product offer with no line of its products fails on targeting, not on a threshold.
                Assert.True(
                    offer.Kind == OfferKind.ProductLevelFixed && entry.Reason == ReasonCodes.NoEligibleItems && items.All(i => i.ProductId != "P"),
                    $"{offer.Kind} with {entry.Reason} and no hint");
                return;
            }

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

            var again = PricingEngine.Evaluate(cart with { Items = added }, At, catalog, new Dictionary<string, CouponCodeState>(), explain: true);
            Assert.True(again.NotApplied!.All(n => n.Id != offer.Id), $"{offer.Kind} still not applied after {hint}: {again.NotApplied!.Where(n => n.Id == offer.Id).Select(n => n.Reason).FirstOrDefault()}");
        }));

    private static Offer RandomOffer(Random random, string currency, decimal unit)
    {
        var kind = random.Next(5) switch
        {
            0 => OfferKind.CartLevelPercentage,
            1 => OfferKind.ProductLevelFixed,
            2 => OfferKind.BogoPercentage,
            3 => OfferKind.BundlePercentage,
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

        // Only one threshold at a time: with two, no single amount makes the offer apply and there is no hint.
        return kind is OfferKind.CartLevelPercentage or OfferKind.ProductLevelFixed && random.Next(2) == 0 && offer.Currencies[0].MinimumCartValue == 0
            ? offer with { MinimumQuantity = random.Next(1, 6) }
            : offer;
    }
}
