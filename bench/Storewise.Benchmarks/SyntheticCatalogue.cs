using System.Globalization;
using Storewise.Pricing;

namespace Storewise.Benchmarks;

/// <summary>
/// A deterministic, tenant-like catalogue: 500 category paths of depth 2–3, 20,000 products with skewed
/// popularity, promotions of every
/// kind accumulated over two years (so most are expired, planned or switched off), many restricted to one of 100
/// stores, a few exclusive, plus coupons with codes. Carts draw products from the same catalogue.
/// </summary>
internal sealed class SyntheticCatalogue
{
    public const int ProductCount = 20_000;
    public const int StoreCount = 100;

    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    // Share of each kind, in percent: mostly product-level, a few cart-wide offers.
    private static readonly (OfferKind Kind, int Weight)[] KindWeights =
    [
        (OfferKind.ProductLevelPercentage, 34), (OfferKind.ProductLevelFixed, 20), (OfferKind.BogoPercentage, 10),
        (OfferKind.BogoFixed, 5), (OfferKind.BundlePercentage, 9), (OfferKind.BundleFixed, 6),
        (OfferKind.CartLevelPercentage, 6), (OfferKind.CartLevelFixed, 5), (OfferKind.FreeShippingPercentage, 3),
        (OfferKind.FreeShippingFixed, 2),
    ];

    private readonly Random random;

    /// <summary>
    /// With <paramref name="withRewards"/>, every third promotion also gets reward and stacking fields (tiers, caps,
    /// buy/get sets, gifts, priorities, groups, stopFurther), drawn from a random of its own so that the rest of the
    /// catalogue is exactly the plain one. Coupons are drawn after the promotions, so <paramref name="couponCount"/>
    /// changes nothing before them.
    /// </summary>
    public SyntheticCatalogue(int promotionCount, int seed = 20250601, bool withRewards = false, int couponCount = 200)
    {
        random = new Random(seed);
        Paths = BuildPaths();
        ProductPaths = new string[ProductCount][];
        for (var p = 0; p < ProductCount; p++)
        {
            ProductPaths[p] = Paths[random.Next(Paths.Length)];
        }

        Promotions = new Offer[promotionCount];
        for (var i = 0; i < promotionCount; i++)
        {
            Promotions[i] = NewOffer("promo-" + i.ToString("D6", CultureInfo.InvariantCulture), OfferSource.Promotion, i);
        }

        if (withRewards)
        {
            var rewardRandom = new Random(seed + 1);
            for (var i = 0; i < promotionCount; i += 3)
            {
                Promotions[i] = WithRewards(Promotions[i], rewardRandom);
            }
        }

        Coupons = new Offer[couponCount];
        var codes = new Dictionary<string, CouponCodeState>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Coupons.Length; i++)
        {
            var coupon = NewOffer("coupon-" + i.ToString("D4", CultureInfo.InvariantCulture), OfferSource.Coupon, i);
            // Coupons are live and unrestricted: a shopper only sends codes that exist.
            Coupons[i] = coupon with { Active = true, ValidFrom = Now.AddDays(-30), ValidTo = Now.AddDays(30), Stores = [] };
            var code = "CODE" + i.ToString(CultureInfo.InvariantCulture);
            codes[code] = new CouponCodeState(code, coupon.Id, true, 0);
        }

        Codes = codes;
        Excluded = [.. Enumerable.Range(0, 200).Select(i => ProductId(i * 97 % ProductCount))];
    }

    public string[][] Paths { get; }

    public string[][] ProductPaths { get; }

    public Offer[] Promotions { get; }

    public Offer[] Coupons { get; }

    public IReadOnlyDictionary<string, CouponCodeState> Codes { get; }

    public string[] Excluded { get; }

    public PromotionCatalog Compile() => PromotionCatalog.Compile(Promotions, Coupons, Excluded, stackableCoupons: true);

    /// <summary>A cart of <paramref name="lines"/> distinct products with two coupon codes and shipping.</summary>
    public Cart NewCart(int lines, int seed)
    {
        var cartRandom = new Random(seed);
        var items = new CartItem[lines];
        for (var i = 0; i < lines; i++)
        {
            var product = PopularProduct(cartRandom);
            var price = cartRandom.Next(100, 20_000) / 100m;
            items[i] = new CartItem(
                "line-" + i.ToString("D3", CultureInfo.InvariantCulture),
                ProductId(product),
                cartRandom.Next(1, 4),
                price,
                [ProductPaths[product]],
                null);
        }

        return new Cart
        {
            Currency = "EUR",
            CustomerId = "cust-" + seed.ToString(CultureInfo.InvariantCulture),
            StoreId = "store-" + cartRandom.Next(StoreCount).ToString(CultureInfo.InvariantCulture),
            Items = items,
            ShippingCost = 4.95m,
            CouponCodes = ["CODE" + cartRandom.Next(200).ToString(CultureInfo.InvariantCulture), "CODE" + cartRandom.Next(200).ToString(CultureInfo.InvariantCulture)],
            CustomerAttributes = new Dictionary<string, string> { ["type"] = cartRandom.Next(4) == 0 ? "gold member" : "regular" },
        };
    }

    // Sales are skewed: a few products sell often, and promotions favour them too.
    private static int PopularProduct(Random from) => (int)(ProductCount * Math.Pow(from.NextDouble(), 3));

    private static string ProductId(int index) => "sku-" + index.ToString("D5", CultureInfo.InvariantCulture);

    private static string[][] BuildPaths()
    {
        // 10 departments × 10 categories (100 paths of depth 2) and 4 sub-categories each (400 of depth 3).
        var paths = new List<string[]>(500);
        for (var d = 0; d < 10; d++)
        {
            for (var c = 0; c < 10; c++)
            {
                var department = "Dept" + d.ToString(CultureInfo.InvariantCulture);
                var category = "Cat" + c.ToString(CultureInfo.InvariantCulture);
                paths.Add([department, category]);
                for (var s = 0; s < 4; s++)
                {
                    paths.Add([department, category, "Sub" + s.ToString(CultureInfo.InvariantCulture)]);
                }
            }
        }

        return [.. paths];
    }

    private Offer NewOffer(string id, OfferSource source, int index)
    {
        var kind = PickKind(source);
        var created = Now.AddDays(-random.Next(0, 730)).AddSeconds(random.Next(86_400));
        // Campaigns run 1–8 weeks from their start; starts spread over two years, a few in the future.
        var start = created.AddDays(random.Next(0, 60));
        var end = start.AddDays(random.Next(7, 57));
        var isFixed = kind is OfferKind.ProductLevelFixed or OfferKind.CartLevelFixed or OfferKind.BogoFixed
            or OfferKind.BundleFixed or OfferKind.FreeShippingFixed;
        var offer = new Offer
        {
            Id = id,
            Source = source,
            Name = "Offer " + id,
            Kind = kind,
            Active = random.Next(10) < 8,
            ValidFrom = start,
            ValidTo = random.Next(50) == 0 ? null : end, // 2% open-ended
            CreatedAt = created,
            Currencies = random.Next(10) < 9
                ? [new CurrencyRule("EUR", random.Next(4) == 0 ? 50m : 0m), new CurrencyRule("USD", 0m)]
                : [new CurrencyRule("USD", 0m)],
            Stores = random.Next(10) < 5 ? ["store-" + random.Next(StoreCount).ToString(CultureInfo.InvariantCulture)] : [],
            Segment = random.Next(10) == 0 ? new Segment("type", "gold member") : null,
            Exclusive = random.Next(100) < 5,
            Percent = isFixed ? null : random.Next(1, 8) * 5m,
            Amounts = isFixed ? new Dictionary<string, decimal> { ["EUR"] = random.Next(1, 21), ["USD"] = random.Next(1, 21) } : new Dictionary<string, decimal>(),
            BuyQuantity = random.Next(1, 3),
            GetQuantity = 1,
        };

        return kind switch
        {
            OfferKind.BundlePercentage or OfferKind.BundleFixed => offer with { BundleProducts = RandomBundle() },
            OfferKind.ProductLevelPercentage or OfferKind.ProductLevelFixed or OfferKind.BogoPercentage or OfferKind.BogoFixed => Target(offer, index),
            _ => offer,
        };
    }

    private Offer WithRewards(Offer offer, Random from)
    {
        var stacking = offer with
        {
            Priority = from.Next(-1, 3),
            StackingGroup = from.Next(4) == 0 ? "group-" + from.Next(20).ToString(CultureInfo.InvariantCulture) : null,
            StopFurther = from.Next(10) == 0,
        };
        var percent = offer.Percent ?? 0m;
        switch (OfferKinds.IsCartLevel(offer.Kind) ? 0 : OfferKinds.IsProductLevel(offer.Kind) ? 1 : OfferKinds.IsBogo(offer.Kind) ? 2 : 3)
        {
            case 0 when from.Next(10) == 0:
                return stacking with
                {
                    Kind = OfferKind.FreeGift,
                    Percent = null,
                    Amounts = new Dictionary<string, decimal>(),
                    Gifts = [new GiftItem(ProductId(PopularProduct(from)), 1)],
                };
            case 0:
                return stacking with
                {
                    Tiers = [Tier(offer, percent, 100m, 0, 5), Tier(offer, percent, 200m, 0, 10)],
                    MaxDiscount = new Dictionary<string, decimal> { ["EUR"] = 25m, ["USD"] = 25m },
                };
            case 1:
                return stacking with { Tiers = [Tier(offer, percent, 0m, 3, 5)], MaxQuantity = from.Next(2) == 0 ? 2 : null };
            case 2:
                var getPath = Paths[from.Next(Paths.Length)];
                return stacking with
                {
                    Buy = new UnitSet(1 + from.Next(2), offer.IncludedProducts, offer.IncludedCategories),
                    Get = new UnitSet(1, [], [getPath]),
                    GetMostExpensive = from.Next(2) == 0,
                    MaxApplications = 2,
                };
            default:
                return stacking;
        }
    }

    private static RewardTier Tier(Offer offer, decimal percent, decimal minimumCartValue, int minimumQuantity, int raise) => new()
    {
        MinimumCartValue = minimumCartValue,
        MinimumQuantity = minimumQuantity,
        Percent = offer.Percent is null ? null : Math.Min(100m, percent + raise),
        Amounts = offer.Percent is null ? offer.Amounts.ToDictionary(a => a.Key, a => a.Value + raise) : new Dictionary<string, decimal>(),
    };

    private Offer Target(Offer offer, int index)
    {
        if (random.Next(10) < 6)
        {
            // Category targeting: a department (15%), a sub-category (35%) or a category (50%).
            var roll = random.Next(100);
            var path = roll < 50 ? Paths[(random.Next(100) * 5) + 1 + random.Next(4)] : Paths[random.Next(100) * 5];
            var depth = roll < 15 ? 1 : path.Length;
            return offer with { IncludedCategories = [path[..depth]], ExcludedProducts = index % 7 == 0 ? [ProductId(random.Next(ProductCount))] : [] };
        }

        var products = new string[random.Next(1, 21)];
        for (var i = 0; i < products.Length; i++)
        {
            products[i] = ProductId(PopularProduct(random));
        }

        return offer with { IncludedProducts = products };
    }

    private BundleItem[] RandomBundle()
    {
        var items = new BundleItem[random.Next(2, 4)];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new BundleItem(ProductId(PopularProduct(random)), 1);
        }

        return items;
    }

    private OfferKind PickKind(OfferSource source)
    {
        while (true)
        {
            var roll = random.Next(100);
            foreach (var (kind, weight) in KindWeights)
            {
                if (roll < weight)
                {
                    if (source == OfferSource.Coupon && kind is OfferKind.BundlePercentage or OfferKind.BundleFixed)
                    {
                        break; // coupons have no bundle kinds; roll again
                    }

                    return kind;
                }

                roll -= weight;
            }
        }
    }
}
