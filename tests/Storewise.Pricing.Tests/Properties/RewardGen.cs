using FsCheck;
using FsCheck.Fluent;

namespace Storewise.Pricing.Tests.Properties;

/// <summary>
/// Adds the reward and stacking fields (docs/pricing-semantics.md, "Rewards and stacking") to generated offers, each
/// now and then and only where its kind takes it, with the tiers the service would accept: ascending thresholds
/// and discounts that never fall.
/// </summary>
internal static class RewardGen
{
    private static readonly string[] Groups = ["g", "h"];

    public static Gen<Offer> With(Offer offer, string[] products) =>
        from tiers in Gen.Frequency((3, Gen.Constant(Array.Empty<RewardTier>())), (1, Tiers(offer)))
        from maxDiscount in Gen.Frequency((4, Gen.Constant(new Dictionary<string, decimal>())), (1, MaxDiscount(offer)))
        from maxQuantity in Gen.Frequency((4, Gen.Constant<int?>(null)), (1, Gen.Choose(1, 3).Select(q => (int?)q)))
        from twoSets in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from buy in UnitSet(products)
        from get in UnitSet(products)
        from mostExpensive in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from applications in Gen.Frequency((3, Gen.Constant<int?>(null)), (1, Gen.Choose(1, 3).Select(a => (int?)a)))
        from giftProducts in Gen.Shuffle(products)
        from giftCount in Gen.Choose(1, 2)
        from giftQuantity in Gen.Choose(1, 2)
        from priority in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(-1, 2)))
        from stackingGroup in Gen.Frequency((5, Gen.Constant<string?>(null)), (1, Gen.Elements(Groups).Select(g => (string?)g)))
        from stop in Gen.Frequency((7, Gen.Constant(false)), (1, Gen.Constant(true)))
        let isProduct = OfferKinds.IsProductLevel(offer.Kind)
        let isBogo = OfferKinds.IsBogo(offer.Kind)
        let isGift = OfferKinds.IsGift(offer.Kind)
        select offer with
        {
            Tiers = isProduct || (OfferKinds.IsCartLevel(offer.Kind) && !isGift) ? tiers : [],
            MaxDiscount = maxDiscount,
            MaxQuantity = isProduct ? maxQuantity : null,
            Buy = (isBogo || isGift) && twoSets ? buy : null,
            Get = isBogo && twoSets ? get : null,
            GetMostExpensive = isBogo && mostExpensive,
            MaxApplications = isBogo || isGift ? applications : null,
            Gifts = isGift ? [.. giftProducts.Take(giftCount).Select(p => new GiftItem(p, giftQuantity))] : [],
            Priority = priority,
            StackingGroup = stackingGroup,
            StopFurther = stop,
        };

    /// <summary>Cart-level kinds by catalog total, product-level kinds by units; each tier at least the one before (and the base).</summary>
    private static Gen<RewardTier[]> Tiers(Offer offer) =>
        from count in Gen.Choose(1, 3)
        from steps in Gen.CollectToArray(Enumerable.Range(0, count), _ => Gen.Choose(1, 15000))
        from raises in Gen.CollectToArray(Enumerable.Range(0, count), _ => Gen.Choose(0, 30))
        select BuildTiers(offer, steps, raises);

    private static RewardTier[] BuildTiers(Offer offer, int[] steps, int[] raises)
    {
        var tiers = new RewardTier[steps.Length];
        decimal threshold = 0;
        var quantity = 1;
        var percent = offer.Percent ?? 0m;
        var amounts = new Dictionary<string, decimal>(offer.Amounts, StringComparer.OrdinalIgnoreCase);
        var scalar = offer.ScalarAmount;
        for (var i = 0; i < tiers.Length; i++)
        {
            threshold += steps[i] / 100m;
            quantity += 1 + (steps[i] % 3);
            percent = Math.Min(100m, percent + raises[i]);
            foreach (var key in amounts.Keys.ToArray())
            {
                amounts[key] += raises[i];
            }

            scalar = scalar is null ? null : scalar + raises[i];
            tiers[i] = new RewardTier
            {
                MinimumCartValue = OfferKinds.IsProductLevel(offer.Kind) ? 0m : threshold,
                MinimumQuantity = OfferKinds.IsProductLevel(offer.Kind) ? quantity : 0,
                Percent = OfferKinds.IsPercent(offer.Kind) ? percent : null,
                Amounts = OfferKinds.IsPercent(offer.Kind) ? new Dictionary<string, decimal>() : new Dictionary<string, decimal>(amounts),
                ScalarAmount = OfferKinds.IsPercent(offer.Kind) ? null : scalar,
            };
        }

        return tiers;
    }

    private static Gen<Dictionary<string, decimal>> MaxDiscount(Offer offer) =>
        from minors in Gen.CollectToArray(offer.Currencies, _ => Gen.Frequency((1, Gen.Choose(1, 9)), (3, Gen.Choose(10, 5000))))
        select offer.Currencies.Select((c, i) => (c.Code, Amount: minors[i] / Scale(c.Code)))
            .DistinctBy(c => c.Code)
            .ToDictionary(c => c.Code, c => c.Amount, StringComparer.OrdinalIgnoreCase);

    private static Gen<UnitSet> UnitSet(string[] products) =>
        from quantity in Gen.Choose(1, 2)
        from chosen in Gen.Shuffle(products)
        from count in Gen.Choose(1, 3)
        select new UnitSet(quantity, chosen.Take(count).ToArray(), []);

    private static decimal Scale(string currency)
    {
        var scale = 1m;
        for (var i = 0; i < CurrencyMinorUnits.GetExponentOrDefault(currency); i++)
        {
            scale *= 10m;
        }

        return scale;
    }
}
