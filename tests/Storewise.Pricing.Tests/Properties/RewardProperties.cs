using FsCheck;
using FsCheck.Fluent;

namespace Storewise.Pricing.Tests.Properties;

/// <summary>Invariants of tiers, caps, two-set BOGO, gifts and stacking groups (docs/pricing-semantics.md, "Rewards and stacking").</summary>
public sealed class RewardProperties
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);

    [Fact]
    public void AMaxDiscountIsNeverExceeded() =>
        Check.One(Runs, Prop.ForAll(PricingCases.Any(), pricingCase =>
        {
            var result = pricingCase.Price();
            var given = result.Items.SelectMany(i => i.Discounts).Concat(result.ShippingDiscounts)
                .GroupBy(d => (d.Source, d.Id))
                .ToDictionary(g => g.Key, g => g.Sum(d => d.Amount));
            foreach (var offer in pricingCase.Promotions.Concat(pricingCase.Coupons))
            {
                var cap = offer.MaxDiscount.FirstOrDefault(m => string.Equals(m.Key, pricingCase.Cart.Currency, StringComparison.OrdinalIgnoreCase));
                if (cap.Key is not null && given.TryGetValue((offer.Source, offer.Id), out var amount))
                {
                    Assert.True(amount <= cap.Value, $"{offer.Id} gave {amount} with a cap of {cap.Value}");
                }
            }
        }));

    [Fact]
    public void ForATieredOfferAloneALargerCartNeverGetsASmallerDiscount() =>
        Check.One(Runs, Prop.ForAll(PricingCases.Any(), ArbMap.Default.ArbFor<int>(), (pricingCase, seed) =>
        {
            var tiered = pricingCase.Promotions.Where(p => p.Tiers.Count > 0).Take(1).ToArray();
            if (tiered.Length == 0 || pricingCase.Cart.Items.Count == 0)
            {
                return;
            }

            // Larger: one more unit of a line, or a copy of a line under a new id.
            var random = new Random(seed);
            var items = pricingCase.Cart.Items.ToList();
            var pick = items[random.Next(items.Count)];
            if (random.Next(2) == 0)
            {
                items[items.IndexOf(pick)] = pick with { Quantity = pick.Quantity + 1 };
            }
            else
            {
                items.Add(pick with { Id = pick.Id + "-more" });
            }

            var smaller = pricingCase.Price(pricingCase.Cart, tiered, []);
            var larger = pricingCase.Price(pricingCase.Cart with { Items = items }, tiered, []);

            Assert.True(
                Saving(larger) >= Saving(smaller),
                $"{Saving(larger)} on the larger cart, {Saving(smaller)} on the smaller\n{Describe.Result(smaller)}\n{Describe.Result(larger)}");
        }));

    [Fact]
    public void NoUnitIsBothBoughtAndGiven() =>
        Check.One(Runs, Prop.ForAll(TwoSetCases(), twoSet =>
        {
            var (cart, offer) = twoSet;
            var result = PricingEngine.Evaluate(cart, PricingCase.EvaluatedAt, PromotionCatalog.Compile([offer], [], [], true), new Dictionary<string, CouponCodeState>(), explain: true);

            // Single units at 100%: each given unit is one line discounted in full.
            var given = result.Items.Where(i => i.TotalDiscount > 0).Select(i => i.Item).ToArray();
            Assert.All(given, item => Assert.Contains(item.ProductId, offer.Get!.IncludedProducts));
            Assert.Equal(0, given.Length % offer.Get!.Quantity);
            var applications = given.Length / offer.Get.Quantity;
            var buyable = cart.Items.Count(i => offer.Buy!.IncludedProducts.Contains(i.ProductId) && !given.Contains(i));
            Assert.True(buyable >= applications * offer.Buy!.Quantity, $"{applications} applications with {buyable} units left to buy");
        }));

    [Fact]
    public void GiftsAreNeverChargedAndNeverChangeThresholds() =>
        Check.One(Runs, Prop.ForAll(PricingCases.Any(), pricingCase =>
        {
            var withGifts = pricingCase.Price();
            var gifts = pricingCase.Promotions.Where(p => OfferKinds.IsGift(p.Kind)).Select(p => p.Id).ToHashSet();
            var withoutGifts = pricingCase.Price(pricingCase.Cart, [.. pricingCase.Promotions.Where(p => !gifts.Contains(p.Id))], pricingCase.Coupons);

            Assert.All(withGifts.AddedItems, added => Assert.True(added.Quantity > 0));
            Assert.DoesNotContain(withGifts.AddedItems, added => !HeldToItsCap(pricingCase, withGifts, added)
                && withGifts.Items.Any(i => i.Item.ProductId == added.ProductId && i.Total > 0 && !IsExcludedOrStopped(pricingCase, i)));
            Assert.Equal(withoutGifts.CatalogTotal, withGifts.CatalogTotal);
            foreach (var entry in withGifts.NotApplied!.Where(n => !gifts.Contains(n.Id)))
            {
                var before = withoutGifts.NotApplied!.Where(n => n.Id == entry.Id).Select(n => n.Reason).SingleOrDefault();
                Assert.Equal(before == ReasonCodes.BelowMinimumCartValue, entry.Reason == ReasonCodes.BelowMinimumCartValue);
            }
        }));

    [Fact]
    public void WithinAGroupAtMostOneOfferAppliesAndItIsTheBest() =>
        Check.One(Runs, Prop.ForAll(PricingCases.Any(), pricingCase =>
        {
            var result = pricingCase.Price();
            var offers = pricingCase.Promotions.Concat(pricingCase.Coupons).ToArray();
            foreach (var group in offers.Where(o => o.StackingGroup is not null).GroupBy(o => o.StackingGroup))
            {
                var applied = group.Where(o => AppliedIn(result, o)).ToArray();
                Assert.True(applied.Length <= 1, $"{applied.Length} offers of group {group.Key} applied");
                if (applied.Length == 0)
                {
                    continue;
                }

                var best = Alone(pricingCase, applied[0]);
                foreach (var loser in group.Where(o => LostInGroup(result, o)))
                {
                    Assert.True(best >= Alone(pricingCase, loser), $"{applied[0].Id} ({best}) won group {group.Key} over {loser.Id} ({Alone(pricingCase, loser)})");
                }
            }
        }));

    private static decimal Saving(PricingResult result) => result.DiscountTotal + result.ShippingDiscounts.Sum(d => d.Amount);

    private static decimal Alone(PricingCase pricingCase, Offer offer) =>
        Saving(offer.Source == OfferSource.Promotion ? pricingCase.Price(pricingCase.Cart, [offer], []) : pricingCase.Price(pricingCase.Cart, [], [offer]));

    private static bool AppliedIn(PricingResult result, Offer offer) =>
        result.Items.SelectMany(i => i.Discounts).Concat(result.ShippingDiscounts).Any(d => d.Source == offer.Source && d.Id == offer.Id)
        || result.AddedItems.Any(a => a.Source == offer.Source && a.OfferId == offer.Id);

    private static bool LostInGroup(PricingResult result, Offer offer) =>
        offer.Source == OfferSource.Promotion
            ? result.NotApplied!.Any(n => n.Id == offer.Id && n.Reason == ReasonCodes.LostInGroup)
            : result.RejectedCoupons.Any(r => r.Reason == ReasonCodes.LostInGroup && r.Code.StartsWith("K" + offer.Id + "X", StringComparison.OrdinalIgnoreCase));

    // A gift held to its maxDiscount spreads the cap over the gift units the cart holds in proportion to their prices
    // by largest remainder (docs/pricing-semantics.md, "Gifts"), so a cheap unit's share can round to nothing:
    // that unit was given, at the price the cap leaves, and the rest of the gift is added as usual.
    private static bool HeldToItsCap(PricingCase pricingCase, PricingResult result, AddedItem added)
    {
        var offer = pricingCase.Promotions.Concat(pricingCase.Coupons).Single(o => o.Source == added.Source && o.Id == added.OfferId);
        var cap = offer.MaxDiscount.FirstOrDefault(m => string.Equals(m.Key, pricingCase.Cart.Currency, StringComparison.OrdinalIgnoreCase));
        var given = result.Items.SelectMany(i => i.Discounts).Where(d => d.Source == offer.Source && d.Id == offer.Id).Sum(d => d.Amount);
        return cap.Key is not null && given == cap.Value;
    }

    // A gift product's line that keeps a price is one the gift could not touch: excluded, or stopped by an earlier offer.
    private static bool IsExcludedOrStopped(PricingCase pricingCase, PricedItem item) =>
        pricingCase.Excluded.Contains(item.Item.ProductId) || item.Item.Quantity < 1 || item.Discounts.Count > 0 || item.Item.Price == 0;

    private static Arbitrary<(Cart Cart, Offer Offer)> TwoSetCases() =>
        (from count in Gen.Choose(1, 10)
         from products in Gen.CollectToArray(Enumerable.Range(0, count), _ => Gen.Elements("A", "B", "C", "D"))
         from prices in Gen.CollectToArray(Enumerable.Range(0, count), _ => Gen.Choose(1, 5000))
         from buyQuantity in Gen.Choose(1, 3)
         from getQuantity in Gen.Choose(1, 2)
         from buySet in Gen.NonEmptyListOf(Gen.Elements("A", "B", "C", "D"))
         from getSet in Gen.NonEmptyListOf(Gen.Elements("A", "B", "C", "D"))
         from mostExpensive in Gen.Elements(true, false)
         from applications in Gen.Elements<int?>(null, 1, 2)
         let items = products.Select((p, i) => new CartItem("l" + i, p, 1, prices[i] / 100m, [], null)).ToArray()
         select (new Cart { Currency = "EUR", Items = items }, new Offer
         {
             Id = "bogo",
             Source = OfferSource.Promotion,
             Name = "bogo",
             Kind = OfferKind.BogoPercentage,
             Active = true,
             ValidFrom = PricingCase.EvaluatedAt.AddDays(-1),
             Currencies = [new CurrencyRule("EUR", 0m)],
             Percent = 100m,
             Buy = new UnitSet(buyQuantity, buySet.Distinct().ToArray(), []),
             Get = new UnitSet(getQuantity, getSet.Distinct().ToArray(), []),
             GetMostExpensive = mostExpensive,
             MaxApplications = applications,
         })).ToArbitrary();
}
