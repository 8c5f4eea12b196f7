using System.Collections.Frozen;

namespace Storewise.Pricing;

/// <summary>
/// The promotions, coupons and global exclusions of one catalogue version, compiled once into arrays and an
/// index (by product, by category path prefix, and a list for offers that apply to the whole cart).
/// Immutable and thread-safe: build it once per catalogue version and share it between requests; a later
/// version can be derived from it with <see cref="Apply"/>, which shares what the change did not touch.
/// </summary>
public sealed partial class PromotionCatalog
{
    private static readonly IndexEntry[] NoOffers = [];

    // The order of PromotionsByLowerId.
    private static readonly IComparer<CompiledOffer> ReportOrder = Comparer<CompiledOffer>.Create(static (left, right) =>
    {
        var byLower = string.CompareOrdinal(left.LowerId, right.LowerId);
        if (byLower != 0)
        {
            return byLower;
        }

        var byId = string.CompareOrdinal(left.Id, right.Id);
        return byId != 0 ? byId : left.AgeRank.CompareTo(right.AgeRank);
    });

    // Age ranks of a fresh compile are multiples of this, which leaves room to rank offers added later between them.
    private const long AgeRankSpacing = 1L << 32;

    private readonly Dictionary<string, CompiledOffer> couponsById;
    private readonly Dictionary<string, Offer> limitedOffers = new(StringComparer.Ordinal);
    // By product id: its index list and its exclusion, so a cart line costs one lookup.
    private readonly PagedStringMap<ProductEntry> byProduct;
    private readonly Dictionary<string, IndexEntry[]> cartWideByStore;
    private readonly FrozenSet<string> excludedProducts;
    private readonly ChunkedArray<CompiledOffer> coupons;
    private readonly FrozenDictionary<string, TimeZoneInfo> storeZones;

    // Every promotion and coupon by age rank, for placing offers added by an incremental update.
    private readonly ChunkedSortedArray<CompiledOffer> byAge;
    private readonly int storeLocalCount;
    private readonly bool hasDuplicateIds;

    private PromotionCatalog(
        CompiledOffer[] promotions,
        CompiledOffer[] coupons,
        CurrencyIds currencyIds,
        FrozenSet<string> excludedProducts,
        bool stackableCoupons,
        FrozenDictionary<string, TimeZoneInfo> storeZones,
        CompiledOffer[] byAge)
    {
        this.storeZones = storeZones;
        this.byAge = ChunkedSortedArray<CompiledOffer>.FromSorted(byAge);
        CategoryRoot = new CategoryTrieNode();
        Promotions = ChunkedArray<CompiledOffer>.From(promotions);
        CurrencyIds = currencyIds;
        StackableCoupons = stackableCoupons;
        this.excludedProducts = excludedProducts;
        this.coupons = ChunkedArray<CompiledOffer>.From(coupons);
        couponsById = new Dictionary<string, CompiledOffer>(coupons.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var coupon in coupons)
        {
            couponsById.TryAdd(coupon.Id, coupon);
        }

        PromotionsByLowerId = SortForReport(promotions);
        foreach (var offer in promotions.Concat(coupons))
        {
            if (offer.Offer.HasUsageLimits)
            {
                limitedOffers.TryAdd(offer.Id, offer.Offer);
            }
        }

        var productLists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var cartWide = new List<int>();
        var storeLists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var promotion in promotions)
        {
            // Inactive promotions can never apply (docs/pricing-rules.md A36), so they stay out of the index; explain mode still lists them.
            if (!promotion.Offer.Active)
            {
                continue;
            }

            foreach (var key in IndexKeys(promotion))
            {
                switch (key.List)
                {
                    case IndexList.Product:
                        AddToList(productLists, key.Key!, promotion.Index);
                        break;
                    case IndexList.Category:
                        CategoryRoot.Add(key.Path!, promotion.Index);
                        break;
                    case IndexList.Store:
                        AddToList(storeLists, key.Key!, promotion.Index);
                        break;
                    default:
                        cartWide.Add(promotion.Index);
                        break;
                }
            }
        }

        var validFrom = new long[promotions.Length];
        var validTo = new long[promotions.Length];
        foreach (var promotion in promotions)
        {
            (validFrom[promotion.Index], validTo[promotion.Index]) = PrefilterWindow(promotion);
        }

        ValidFromTicks = ChunkedArray<long>.From(validFrom);
        ValidToTicks = ChunkedArray<long>.From(validTo);

        storeLocalCount = promotions.Count(static p => p.Offer.StoreLocal) + coupons.Count(static c => c.Offer.StoreLocal);
        hasDuplicateIds = HasDuplicateIds();

        // Every list of the index is ordered by end of validity, latest first: most stored promotions have
        // ended, and an evaluation stops at the first one that ended before it.
        var latestEndFirst = new LatestEndFirst(validTo);
        CategoryRoot.Freeze(latestEndFirst, Entries);
        var products = new Dictionary<string, ProductEntry>(productLists.Count + excludedProducts.Count, StringComparer.Ordinal);
        foreach (var (productId, list) in productLists)
        {
            list.Sort(latestEndFirst);
            products.Add(productId, new ProductEntry(Entries(list), excludedProducts.Contains(productId)));
        }

        foreach (var productId in excludedProducts)
        {
            products.TryAdd(productId, new ProductEntry(NoOffers, Excluded: true));
        }

        byProduct = PagedStringMap<ProductEntry>.From(products);

        cartWide.Sort(latestEndFirst);
        CartWide = Entries(cartWide);
        cartWideByStore = new Dictionary<string, IndexEntry[]>(storeLists.Count, StringComparer.Ordinal);
        foreach (var (storeId, list) in storeLists)
        {
            list.Sort(latestEndFirst);
            cartWideByStore.Add(storeId, Entries(list));
        }
    }

    /// <summary>Number of automatic promotions compiled, active or not.</summary>
    public int PromotionCount => Promotions.Length;

    /// <summary>Whether several coupons may apply to one cart; false is the legacy mode (docs/pricing-rules.md A48, A49).</summary>
    public bool StackableCoupons { get; }

    internal ChunkedArray<CompiledOffer> Promotions { get; }

    internal CurrencyIds CurrencyIds { get; }

    /// <summary>Promotions sorted by lower-cased id, then id (docs/pricing-rules.md A44), for the explain report.</summary>
    internal ChunkedSortedArray<CompiledOffer> PromotionsByLowerId { get; }

    /// <summary>
    /// Active cart-level and free-shipping promotions without a store restriction, latest end first: every cart
    /// looks at these.
    /// </summary>
    internal IndexEntry[] CartWide { get; }

    internal CategoryTrieNode CategoryRoot { get; }

    /// <summary>Validity windows as UTC ticks by promotion index: a dense array is the cheapest first filter.</summary>
    internal ChunkedArray<long> ValidFromTicks { get; }

    /// <summary>Inclusive end of each window (docs/spec.md §2.4); <see cref="long.MaxValue"/> when open-ended.</summary>
    internal ChunkedArray<long> ValidToTicks { get; }

    /// <summary>Whether some offer reads its naive times or schedule in the cart's store zone (explain then says which zone was used).</summary>
    public bool UsesStoreZones => storeLocalCount > 0;

    /// <summary>Compiles the stored offers. Order of the inputs does not matter (docs/spec.md §D6).</summary>
    public static PromotionCatalog Compile(
        IEnumerable<Offer> promotions,
        IEnumerable<Offer> coupons,
        IEnumerable<string> excludedProductIds,
        bool stackableCoupons) =>
        Compile(promotions, coupons, excludedProductIds, stackableCoupons, FrozenDictionary<string, TimeZoneInfo>.Empty);

    /// <summary>
    /// As above, with the zones of the store registry by store id: store-local offers read their naive times and
    /// schedules in the zone of the cart's store (docs/pricing-semantics.md, "Time and audience").
    /// </summary>
    public static PromotionCatalog Compile(
        IEnumerable<Offer> promotions,
        IEnumerable<Offer> coupons,
        IEnumerable<string> excludedProductIds,
        bool stackableCoupons,
        IReadOnlyDictionary<string, TimeZoneInfo> storeZones)
    {
        ArgumentNullException.ThrowIfNull(storeZones);
        ArgumentNullException.ThrowIfNull(promotions);
        ArgumentNullException.ThrowIfNull(coupons);
        ArgumentNullException.ThrowIfNull(excludedProductIds);

        Offer[] promotionOffers = [.. promotions.Where(static offer => offer is not null)];
        Offer[] couponOffers = [.. coupons.Where(static offer => offer is not null)];
        var ageRanks = AgeRanks(promotionOffers, couponOffers);
        var currencyIds = new CurrencyIds();
        var compiledPromotions = CompileAll(promotionOffers, OfferSource.Promotion, ageRanks.AsSpan(0, promotionOffers.Length), currencyIds);
        var compiledCoupons = CompileAll(couponOffers, OfferSource.Coupon, ageRanks.AsSpan(promotionOffers.Length), currencyIds);
        var byAge = new CompiledOffer[ageRanks.Length];
        foreach (var offer in compiledPromotions.Concat(compiledCoupons))
        {
            byAge[offer.AgeRank / AgeRankSpacing] = offer;
        }

        var excluded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var productId in excludedProductIds)
        {
            if (productId is not null)
            {
                excluded.Add(productId);
            }
        }

        return new PromotionCatalog(
            compiledPromotions, compiledCoupons, currencyIds, excluded.ToFrozenSet(StringComparer.Ordinal), stackableCoupons, storeZones.ToFrozenDictionary(StringComparer.Ordinal), byAge);
    }

    /// <summary>
    /// Compiles a variant of this catalogue for a what-if: every offer it holds passed through
    /// <paramref name="change"/> (null leaves the offer out), plus <paramref name="added"/> (promotions and coupons, by their source); the
    /// exclusions and the stacking mode stay as they are. This catalogue is not changed.
    /// </summary>
    public PromotionCatalog Vary(Func<Offer, Offer?> change, IEnumerable<Offer> added)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(added);
        var promotions = new List<Offer>(Promotions.Length);
        foreach (var promotion in Promotions)
        {
            if (change(promotion.Offer) is { } kept)
            {
                promotions.Add(kept);
            }
        }

        var keptCoupons = new List<Offer>(coupons.Length);
        foreach (var coupon in coupons)
        {
            if (change(coupon.Offer) is { } kept)
            {
                keptCoupons.Add(kept);
            }
        }

        foreach (var offer in added)
        {
            (offer.Source == OfferSource.Coupon ? keptCoupons : promotions).Add(offer);
        }

        return Compile(promotions, keptCoupons, excludedProducts, StackableCoupons, storeZones);
    }

    /// <summary>The zone of a store in the registry, or null (the cart's store-local times are then read as UTC).</summary>
    public TimeZoneInfo? StoreZone(string? storeId) =>
        storeId is not null && storeZones.TryGetValue(storeId, out var zone) ? zone : null;

    /// <summary>Every compiled coupon, for qualification.</summary>
    internal ChunkedArray<CompiledOffer> Coupons => coupons;

    /// <summary>The stored coupon with this id, or null (redemptions read its terms; see <see cref="CouponRedemption"/>).</summary>
    public Offer? FindCoupon(string couponId) => FindCompiledCoupon(couponId)?.Offer;

    /// <summary>The promotion or coupon with usage limits whose id is <paramref name="offerId"/>, or null.</summary>
    public Offer? FindLimitedOffer(string offerId) => limitedOffers.GetValueOrDefault(offerId);

    internal CompiledOffer? FindCompiledCoupon(string? couponId) =>
        couponId is not null && couponsById.TryGetValue(couponId, out var coupon) ? coupon : null;

    /// <summary>The promotion whose id is <paramref name="promotionId"/> (ordinal), found in the report order; null when none.</summary>
    internal CompiledOffer? FindPromotion(string promotionId)
    {
        var probe = (LowerId: promotionId.ToLowerInvariant(), Id: promotionId);
        var position = PromotionsByLowerId.CountBefore(probe, static (candidate, probe) =>
        {
            var order = string.CompareOrdinal(candidate.LowerId, probe.LowerId);
            return order != 0 ? order : string.CompareOrdinal(candidate.Id, probe.Id);
        });
        return position < PromotionsByLowerId.Length && PromotionsByLowerId[position] is var found && string.Equals(found.Id, promotionId, StringComparison.Ordinal)
            ? found
            : null;
    }

    /// <summary>The promotions indexed by <paramref name="productId"/> and whether it is globally excluded, in one lookup.</summary>
    internal ProductEntry Product(string productId) =>
        byProduct.TryGetValue(productId, out var entry) ? entry : new ProductEntry(NoOffers, Excluded: false);

    /// <summary>
    /// Active cart-level and free-shipping promotions restricted to <paramref name="storeId"/>, latest end first.
    /// A store-restricted offer fails every other cart (docs/pricing-rules.md A32), so only the cart's own store is looked at.
    /// </summary>
    internal IndexEntry[] CartWideForStore(string? storeId) =>
        storeId is not null && cartWideByStore.TryGetValue(storeId, out var offers) ? offers : NoOffers;

    private static CompiledOffer[] CompileAll(Offer[] offers, OfferSource source, ReadOnlySpan<long> ageRanks, CurrencyIds currencyIds)
    {
        var compiled = new CompiledOffer[offers.Length];
        for (var index = 0; index < offers.Length; index++)
        {
            compiled[index] = new CompiledOffer(offers[index], source, index, ageRanks[index], currencyIds);
        }

        return compiled;
    }

    // docs/pricing-rules.md A03: older means earlier createdAt, then the smaller id (ordinal, docs/pricing-rules.md A55). Coupons and promotions share one
    // scale because exclusive scenarios of either source break ties by age. Ranks are computed from the stored
    // offers, before compilation, so a compiled offer never changes after construction. The result holds the
    // promotions' ranks, then the coupons', spaced by AgeRankSpacing.
    private static long[] AgeRanks(Offer[] promotions, Offer[] coupons)
    {
        var positions = new int[promotions.Length + coupons.Length];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = i;
        }

        Array.Sort(positions, (left, right) => CompareAge(promotions, coupons, left, right));
        var ranks = new long[positions.Length];
        for (var rank = 0; rank < positions.Length; rank++)
        {
            ranks[positions[rank]] = rank * AgeRankSpacing;
        }

        return ranks;
    }

    // Positions below promotions.Length are promotions (compared before coupons on a full tie), the rest coupons.
    private static int CompareAge(Offer[] promotions, Offer[] coupons, int left, int right)
    {
        var leftOffer = left < promotions.Length ? promotions[left] : coupons[left - promotions.Length];
        var rightOffer = right < promotions.Length ? promotions[right] : coupons[right - promotions.Length];
        var byTime = leftOffer.CreatedAt.UtcTicks.CompareTo(rightOffer.CreatedAt.UtcTicks);
        if (byTime != 0)
        {
            return byTime;
        }

        var byId = string.CompareOrdinal(leftOffer.Id ?? string.Empty, rightOffer.Id ?? string.Empty);
        return byId != 0 ? byId : left.CompareTo(right);
    }

    private static ChunkedSortedArray<CompiledOffer> SortForReport(CompiledOffer[] promotions)
    {
        var sorted = (CompiledOffer[])promotions.Clone();
        Array.Sort(sorted, ReportOrder);
        return ChunkedSortedArray<CompiledOffer>.FromSorted(sorted);
    }

    // The lists of the index that hold an active promotion: the lists of inactive ones stay empty.
    private static IEnumerable<IndexKey> IndexKeys(CompiledOffer promotion)
    {
        // Inactive promotions can never apply (docs/pricing-rules.md A36), so they stay out of the index; explain mode still lists them.
        if (!promotion.Offer.Active)
        {
            yield break;
        }

        switch (promotion.Family)
        {
            case OfferFamily.Cart:
            case OfferFamily.Shipping:
            case OfferFamily.Gift when promotion.Buy is null:
                if (promotion.Stores is null)
                {
                    yield return new IndexKey(IndexList.CartWide, null, null);
                }
                else
                {
                    // Indexed by store: with thousands of store-specific cart offers a cart visits only its store's.
                    foreach (var storeId in promotion.Stores)
                    {
                        yield return new IndexKey(IndexList.Store, storeId, null);
                    }
                }

                break;
            case OfferFamily.Bundle:
                // docs/pricing-rules.md A24: a bundle is found through its products only; included* lists play no part.
                foreach (var requirement in promotion.BundleRequirements)
                {
                    yield return new IndexKey(IndexList.Product, requirement.ProductId, null);
                }

                break;
            default:
                if (promotion.IncludedProducts is not null)
                {
                    foreach (var productId in promotion.IncludedProducts)
                    {
                        yield return new IndexKey(IndexList.Product, productId, null);
                    }
                }

                foreach (var path in promotion.IncludedCategories)
                {
                    yield return new IndexKey(IndexList.Category, null, path);
                }

                break;
        }
    }

    // The window of the dense prefilter. A store-local naive end moves by the store's offset: the prefilter takes
    // the widest one, and the exact instant is checked in Eligibility.
    private static (long From, long To) PrefilterWindow(CompiledOffer promotion)
    {
        var from = promotion.Offer.ValidFrom.UtcTicks;
        var to = promotion.Offer.ValidTo?.UtcTicks ?? long.MaxValue;
        if (promotion.Offer.StoreLocalValidity is not { } local)
        {
            return (from, to);
        }

        var widest = OfferTimes.WidestOffset.Ticks;
        if (local.From is not null)
        {
            from -= Math.Min(widest, from);
        }

        if (local.To is not null && to < long.MaxValue - widest)
        {
            to += widest;
        }

        return (from, to);
    }

    // Incremental updates find offers by id, so they need ids that name one offer; Compile accepts any.
    private bool HasDuplicateIds()
    {
        string? previous = null;
        foreach (var promotion in PromotionsByLowerId)
        {
            if (string.Equals(previous, promotion.Id, StringComparison.Ordinal))
            {
                return true;
            }

            previous = promotion.Id;
        }

        return couponsById.Count < coupons.Length || coupons.Any(coupon => FindPromotion(coupon.Id) is not null);
    }

    private IndexEntry[] Entries(List<int> offers)
    {
        var entries = new IndexEntry[offers.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = Entry(offers[i]);
        }

        return entries;
    }

    private IndexEntry Entry(int offerIndex) => new(offerIndex, ValidFromTicks[offerIndex], ValidToTicks[offerIndex]);

    private sealed class LatestEndFirst(long[] validToTicks) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            var byEnd = validToTicks[y].CompareTo(validToTicks[x]);
            return byEnd != 0 ? byEnd : x.CompareTo(y);
        }
    }

    private static void AddToList(Dictionary<string, List<int>> lists, string key, int offerIndex)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            list = [];
            lists.Add(key, list);
        }

        list.Add(offerIndex);
    }
}
