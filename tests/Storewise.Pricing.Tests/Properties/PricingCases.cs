using FsCheck;
using FsCheck.Fluent;

namespace Storewise.Pricing.Tests.Properties;

/// <summary>FsCheck generators for carts and offer sets covering every kind and several currencies.</summary>
internal static class PricingCases
{
    public static readonly string[] Currencies = ["EUR", "JPY", "KWD", "USD"];

    private static readonly string[] Products = ["P1", "P2", "P3", "P4", "P5", "P6"];

    private static readonly string[][] Paths =
    [
        ["Shop"], ["Shop", "Shoes"], ["Shop", "Shoes", "Boots"], ["Shop", "Bags"], ["Outlet", "Bags"], [],
    ];

    // Mixed case and lengths, so ordinal order differs from request order and from culture order; enough of them
    // for carts above the sizes where the engine switches from insertion sort to quicksort.
    private static readonly string[] LineIds =
    [
        "a", "B", "c", "D", "e1", "e10", "E2", "f", "g", "H",
        .. Enumerable.Range(0, 40).Select(i => (i % 3 == 0 ? "K" : "k") + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)),
    ];

    private static readonly OfferKind[] AllKinds = Enum.GetValues<OfferKind>();

    private static readonly OfferKind[] CouponKinds =
        [.. AllKinds.Where(k => k is not (OfferKind.BundlePercentage or OfferKind.BundleFixed))];

    private static readonly decimal[] Percents = [5m, 10m, 12.5m, 33.333m, 50m, 99.99m, 100m];

    public static Arbitrary<PricingCase> Any() => Case(AllKinds, maxPromotions: 8, maxCoupons: 3, allowExclusive: true).ToArbitrary();

    /// <summary>As <see cref="Any"/>, with up to six coupons, so that coupons meet exclusive promotions, groups and each other.</summary>
    public static Arbitrary<PricingCase> ManyCoupons() => Case(AllKinds, maxPromotions: 8, maxCoupons: 6, allowExclusive: true).ToArbitrary();

    /// <summary>Carts of single units at a few equal prices, where ties between lines are the rule (docs/pricing-rules.md A08, A18, A23).</summary>
    public static Arbitrary<PricingCase> TieProne() =>
        Case(AllKinds, maxPromotions: 6, maxCoupons: 2, allowExclusive: true, tieProne: true).ToArbitrary();

    /// <summary>Product-level promotions followed by exactly one cart-level promotion, none exclusive, no coupons.</summary>
    public static Arbitrary<PricingCase> CartLevelAfterProductLevel() =>
        (from cartKind in Gen.Elements(OfferKind.CartLevelPercentage, OfferKind.CartLevelFixed)
         from basis in Case([OfferKind.ProductLevelPercentage, OfferKind.ProductLevelFixed], maxPromotions: 3, maxCoupons: 0, allowExclusive: false, rewards: false)
         from cartOffer in OfferGen("CART", cartKind, OfferSource.Promotion, allowExclusive: false, rewards: false)
         let current = cartOffer with { Active = true, ValidFrom = PricingCase.EvaluatedAt.AddDays(-1), ValidTo = null, Stores = [], Segment = null }
         let accepted = current with { Currencies = [new CurrencyRule(basis.Cart.Currency, 0m)], Amounts = AmountsFor(current.Amounts, basis.Cart.Currency) }
         select basis with { Promotions = [.. basis.Promotions, accepted] }).ToArbitrary();

    private static Dictionary<string, decimal> AmountsFor(IReadOnlyDictionary<string, decimal> amounts, string currency)
    {
        var exponent = CurrencyMinorUnits.GetExponentOrDefault(currency);
        var any = amounts.Count > 0 ? amounts.Values.First() : 1m;
        return new Dictionary<string, decimal> { [currency] = decimal.Round(any * 3, exponent) };
    }

    private static Gen<PricingCase> Case(OfferKind[] kinds, int maxPromotions, int maxCoupons, bool allowExclusive, bool tieProne = false, bool rewards = true) =>
        from currency in Gen.Elements(Currencies)
        from cart in CartGen(currency, tieProne)
        from promotionCount in Gen.Choose(0, maxPromotions)
        from promotions in Gen.CollectToArray(Enumerable.Range(0, promotionCount), i =>
            Gen.Elements(kinds).SelectMany(kind => OfferGen("P" + i, kind, OfferSource.Promotion, allowExclusive, rewards)))
        from couponCount in Gen.Choose(0, maxCoupons)
        from coupons in Gen.CollectToArray(Enumerable.Range(0, couponCount), i =>
            Gen.Elements(CouponKinds).SelectMany(kind => OfferGen("C" + i, kind, OfferSource.Coupon, allowExclusive, rewards)))
        from codeStates in Gen.CollectToArray(coupons, CodesFor)
        from submitted in SubmittedCodes(codeStates.SelectMany(c => c).Select(c => c.Code).ToArray())
        from excluded in Gen.Frequency((3, Gen.Constant(Array.Empty<string>())), (1, Gen.SubListOf(Products).Select(l => l.ToArray())))
        from stackable in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        select new PricingCase(
            cart with { CouponCodes = submitted },
            promotions,
            coupons,
            codeStates.SelectMany(c => c).ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase),
            excluded,
            stackable);

    /// <summary>Large carts of single-unit lines with one CartLevelFixed promotion and nothing else.</summary>
    public static Arbitrary<PricingCase> ManyLinesOneCartFixed() =>
        (from currency in Gen.Elements(Currencies)
         from count in Gen.Choose(17, 50)
         from ids in Gen.Shuffle(LineIds)
         from prices in Gen.CollectToArray(ids.Take(count), _ => Gen.Frequency((1, Gen.Elements(100, 500)), (1, Gen.Choose(0, 3000))))
         from amount in Gen.Choose(1, 5000)
         let scale = Pow10(CurrencyMinorUnits.GetExponentOrDefault(currency))
         let items = ids.Take(count).Select((id, i) => new CartItem(id, "P1", 1, prices[i] / scale, [], null)).ToArray()
         let offer = new Offer
         {
             Id = "CART",
             Source = OfferSource.Promotion,
             Name = "cart",
             Kind = OfferKind.CartLevelFixed,
             Active = true,
             ValidFrom = PricingCase.EvaluatedAt.AddDays(-1),
             Currencies = [new CurrencyRule(currency, 0m)],
             Amounts = new Dictionary<string, decimal> { [currency] = amount / scale },
         }
         select new PricingCase(new Cart { Currency = currency, Items = items }, [offer], [], [], [], true)).ToArbitrary();

    private static Gen<Cart> CartGen(string currency, bool tieProne) =>
        from count in Gen.Frequency((6, Gen.Choose(1, 8)), (1, Gen.Choose(17, 30)))
        from ids in Gen.Shuffle(LineIds)
        from lines in Gen.CollectToArray(ids.Take(count), id => tieProne ? TieProneLineGen(id, currency) : LineGen(id, currency))
        from shipping in Gen.Frequency((1, Gen.Constant<decimal?>(null)), (2, MoneyGen(currency, 0, 2000).Select(m => (decimal?)m)))
        from store in Gen.Elements<string?>(null, "", "s1", "s2")
        from customer in Gen.Elements<string?>(null, "", "cust-1", "cust-2")
        from gold in Gen.Elements(true, false)
        select new Cart
        {
            Currency = currency,
            Items = lines,
            ShippingCost = shipping,
            StoreId = store,
            CustomerId = customer,
            CustomerAttributes = gold ? new Dictionary<string, string> { ["type"] = "gold member" } : null,
        };

    private static Gen<CartItem> LineGen(string id, string currency) =>
        from product in Gen.Elements(Products)
        from quantity in Gen.Frequency((6, Gen.Constant(1)), (3, Gen.Choose(2, 3)), (1, Gen.Choose(4, 12)))
        from price in Gen.Frequency(
            (1, Gen.Constant(0m)),
            (6, MoneyGen(currency, 1, 20000)),
            (6, Gen.Elements(5, 999, 1000, 500).Select(minor => minor / Pow10(CurrencyMinorUnits.GetExponentOrDefault(currency)))))
        from paths in Gen.SubListOf(Paths.Where(p => p.Length > 0))
        select new CartItem(id, product, quantity, price, paths.Select(p => (IReadOnlyList<string>)p).ToArray(), null);

    private static Gen<CartItem> TieProneLineGen(string id, string currency) =>
        from product in Gen.Elements(Products)
        from minor in Gen.Elements(5, 500, 1000)
        from paths in Gen.SubListOf(Paths.Where(p => p.Length > 0))
        select new CartItem(id, product, 1, minor / Pow10(CurrencyMinorUnits.GetExponentOrDefault(currency)), paths.Select(p => (IReadOnlyList<string>)p).ToArray(), null);

    private static Gen<decimal> MoneyGen(string currency, int minMinor, int maxMinor)
    {
        var scale = Pow10(CurrencyMinorUnits.GetExponentOrDefault(currency));
        return Gen.Choose(minMinor, maxMinor).Select(minor => minor / scale);
    }

    private static decimal Pow10(int exponent)
    {
        var value = 1m;
        for (var i = 0; i < exponent; i++)
        {
            value *= 10m;
        }

        return value;
    }

    private static Gen<Offer> OfferGen(string id, OfferKind kind, OfferSource source, bool allowExclusive, bool rewards) =>
        from plain in PlainOfferGen(id, kind, source, allowExclusive)
        from offer in rewards ? RewardGen.With(plain, Products) : Gen.Constant(plain)
        select offer;

    private static Gen<Offer> PlainOfferGen(string id, OfferKind kind, OfferSource source, bool allowExclusive) =>
        from percent in Gen.Elements(Percents)
        // Tiny amounts leave single minor units to split, where the tie-breaks (docs/pricing-rules.md A08) decide.
        from amountMinor in Gen.Frequency((3, Gen.Choose(1, 6000)), (1, Gen.Elements(1, 2, 3, 5, 7)))
        from currencies in Gen.Frequency(
            (5, Gen.Constant(Currencies)),
            (4, Gen.SubListOf(Currencies).Select(l => l.ToArray())),
            (1, Gen.Constant(Array.Empty<string>())))
        from minimumMinor in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(0, 40000)))
        from exclusive in Gen.Frequency((5, Gen.Constant(false)), (allowExclusive ? 1 : 0, Gen.Constant(true)))
        from active in Gen.Frequency((9, Gen.Constant(true)), (1, Gen.Constant(false)))
        from window in Gen.Frequency((8, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)))
        from createdDay in Gen.Choose(0, 3)
        from included in Gen.SubListOf(Products)
        from categories in Gen.SubListOf(Paths)
        from excludedProducts in Gen.Frequency((4, Gen.Constant(Array.Empty<string>())), (1, Gen.SubListOf(Products).Select(l => l.ToArray())))
        from buy in Gen.Choose(1, 3)
        from get in Gen.Choose(1, 2)
        from bundleSize in Gen.Choose(1, 3)
        from bundleProducts in Gen.Shuffle(Products)
        from bundle in Gen.CollectToArray(bundleProducts.Take(bundleSize), p => Gen.Choose(1, 2).Select(q => new BundleItem(p, q)))
        from stores in Gen.Frequency((4, Gen.Constant(Array.Empty<string>())), (1, Gen.Constant(new[] { "s1" })))
        from consumers in Gen.Frequency((4, Gen.Constant(Array.Empty<string>())), (1, Gen.Constant(new[] { "cust-1" })))
        from segmented in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from scalar in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        let created = PricingCase.EvaluatedAt.AddDays(-10 - createdDay)
        select new Offer
        {
            Id = id,
            Source = source,
            Name = "Offer " + id,
            Kind = kind,
            Active = active,
            ValidFrom = window == 2 ? PricingCase.EvaluatedAt.AddDays(1) : created,
            ValidTo = window == 1 ? PricingCase.EvaluatedAt.AddDays(-1) : null,
            CreatedAt = created,
            Currencies = [.. currencies.Select(c => new CurrencyRule(c, minimumMinor / Pow10(CurrencyMinorUnits.GetExponentOrDefault(c))))],
            Stores = stores,
            Consumers = consumers,
            Segment = segmented ? new Segment("type", "gold member") : null,
            Exclusive = exclusive,
            SingleUse = source == OfferSource.Coupon && amountMinor % 3 == 0,
            Percent = percent,
            Amounts = scalar ? new Dictionary<string, decimal>() : currencies.ToDictionary(c => c, c => AmountIn(c, amountMinor)),
            ScalarAmount = scalar ? amountMinor / 100m : null,
            // docs/pricing-rules.md A12: product and BOGO offers always target something.
            IncludedProducts = included.Count == 0 && categories.Count == 0 ? ["P1"] : [.. included],
            IncludedCategories = [.. categories.Select(p => (IReadOnlyList<string>)p)],
            ExcludedProducts = [.. excludedProducts],
            BuyQuantity = buy,
            GetQuantity = get,
            BundleProducts = bundle.Length == 0 ? [new BundleItem("P2", 1)] : bundle,
        };

    // Whole units in JPY, cents in EUR/USD, fils in KWD: all meaningful amounts in each currency.
    private static decimal AmountIn(string currency, int minor) => minor / Pow10(CurrencyMinorUnits.GetExponentOrDefault(currency));

    private static Gen<CouponCodeState[]> CodesFor(Offer coupon) =>
        from count in Gen.Choose(1, 2)
        from states in Gen.CollectToArray(Enumerable.Range(0, count), j =>
            from active in Gen.Frequency((6, Gen.Constant(true)), (1, Gen.Constant(false)))
            from redemptions in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Constant(1)))
            select new CouponCodeState("K" + coupon.Id + "X" + j, coupon.Id, active, redemptions))
        select states;

    private static Gen<string[]> SubmittedCodes(string[] known) =>
        from chosen in Gen.SubListOf(known)
        from shuffled in Gen.Shuffle(chosen.ToArray())
        from unknown in Gen.Frequency((4, Gen.Constant(Array.Empty<string>())), (1, Gen.Constant(new[] { "NOPE" })))
        from repeat in Gen.Elements(true, false)
        select Submitted(shuffled, unknown, repeat);

    // docs/pricing-rules.md A37: a repeated code, in another case, must be dropped silently.
    private static string[] Submitted(string[] shuffled, string[] unknown, bool repeat) =>
        repeat && shuffled.Length > 0 ? [.. shuffled, .. unknown, shuffled[0].ToLowerInvariant()] : [.. shuffled, .. unknown];
}
