using System.Runtime.CompilerServices;

namespace Storewise.Pricing;

/// <summary>
/// Incremental updates: a catalogue derived from this one plus a change shares every compiled offer, index list
/// and category node the change did not touch; the touched lists are copied with the change applied
/// (docs/decisions/0514-incremental-catalogue-updates.md). The result prices every cart exactly as a fresh compile
/// of the same offers would.
/// </summary>
public sealed partial class PromotionCatalog
{
    /// <summary>Changes of more offers than this are compiled afresh: past it a full compile is about as quick.</summary>
    public const int LargestIncrementalChange = 256;

    private static readonly IComparer<IndexEntry> LatestEndFirstEntries = Comparer<IndexEntry>.Create(static (left, right) =>
    {
        var byEnd = right.ValidTo.CompareTo(left.ValidTo);
        return byEnd != 0 ? byEnd : left.Offer.CompareTo(right.Offer);
    });

    private static readonly IComparer<CompiledOffer> ByAgeRank = Comparer<CompiledOffer>.Create(static (left, right) => left.AgeRank.CompareTo(right.AgeRank));

    // Where an offer not yet compiled goes on the age scale (docs/pricing-rules.md A03, A55); ids are unique here.
    private static readonly IComparer<Offer> AgeOrder = Comparer<Offer>.Create(static (left, right) =>
    {
        var byTime = left.CreatedAt.UtcTicks.CompareTo(right.CreatedAt.UtcTicks);
        return byTime != 0 ? byTime : string.CompareOrdinal(left.Id, right.Id);
    });

    private PromotionCatalog(PromotionCatalog previous, Revision revision)
    {
        storeZones = previous.storeZones;
        excludedProducts = previous.excludedProducts;
        StackableCoupons = previous.StackableCoupons;
        Promotions = revision.Promotions;
        coupons = revision.Coupons;
        CurrencyIds = revision.CurrencyIds;
        couponsById = revision.CouponsById;
        limitedOffers = revision.LimitedOffers;
        byProduct = revision.ByProduct;
        cartWideByStore = revision.CartWideByStore;
        CartWide = revision.CartWide;
        CategoryRoot = revision.CategoryRoot;
        ValidFromTicks = revision.ValidFromTicks;
        ValidToTicks = revision.ValidToTicks;
        PromotionsByLowerId = revision.PromotionsByLowerId;
        byAge = revision.ByAge;
        storeLocalCount = revision.StoreLocalCount;
        hasDuplicateIds = false;
    }

    /// <summary>
    /// The catalogue after <paramref name="change"/>; this one is not changed and keeps serving. Small changes reuse
    /// what they do not touch; a change of more than <see cref="LargestIncrementalChange"/> offers, or a catalogue
    /// whose ids are not unique, is compiled afresh. Exclusions, stacking mode and store zones stay as they are:
    /// a change of those needs <see cref="Compile(IEnumerable{Offer}, IEnumerable{Offer}, IEnumerable{string}, bool, IReadOnlyDictionary{string, TimeZoneInfo})"/>.
    /// </summary>
    public PromotionCatalog Apply(CatalogueChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var changed = new Dictionary<string, Offer?>(StringComparer.Ordinal);
        foreach (var id in change.Removed)
        {
            if (id is not null)
            {
                changed[id] = null;
            }
        }

        foreach (var offer in change.Upserted)
        {
            if (offer is not null)
            {
                changed[offer.Id ?? string.Empty] = offer;
            }
        }

        if (changed.Count == 0)
        {
            return this;
        }

        return (changed.Count <= LargestIncrementalChange && !hasDuplicateIds ? TryApplyIncrementally(changed) : null)
            ?? Vary(offer => changed.ContainsKey(offer.Id ?? string.Empty) ? null : offer, changed.Values.OfType<Offer>());
    }

    /// <summary>The updated catalogue, or null when only a fresh compile can say what it is.</summary>
    // Optimised from the first call (as the helpers below): an update is rare, so tiered compilation would never promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private PromotionCatalog? TryApplyIncrementally(Dictionary<string, Offer?> changed)
    {
        var removedPromotions = new List<CompiledOffer>();
        var removedCoupons = new List<CompiledOffer>();
        var added = new List<Offer>();
        var addedCouponIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, offer) in changed)
        {
            var coupon = FindCompiledCoupon(id);
            if (coupon is not null && !string.Equals(coupon.Id, id, StringComparison.Ordinal))
            {
                coupon = null; // another coupon's id, up to case: it stays
                if (offer?.Source == OfferSource.Coupon)
                {
                    return null; // coupons are found case-insensitively: which one wins is the fresh compile's call
                }
            }

            if (FindPromotion(id) is { } promotion)
            {
                removedPromotions.Add(promotion);
            }
            else if (coupon is not null)
            {
                removedCoupons.Add(coupon);
            }

            if (offer is null)
            {
                continue;
            }

            if (offer.Id is null || (offer.Source == OfferSource.Coupon && !addedCouponIds.Add(offer.Id)))
            {
                return null;
            }

            added.Add(offer);
        }

        if (removedPromotions.Count + removedCoupons.Count + added.Count == 0)
        {
            return this;
        }

        var ranks = RankAdded(added, [.. removedPromotions, .. removedCoupons]);
        if (ranks is null)
        {
            return null;
        }

        var currencyIds = added.Count > 0 ? CurrencyIds.Copy() : CurrencyIds;
        var promotionMoves = new List<(CompiledOffer Old, CompiledOffer New)>();
        var couponMoves = new List<(CompiledOffer Old, CompiledOffer New)>();
        var createdPromotions = new List<CompiledOffer>();
        var createdCoupons = new List<CompiledOffer>();
        var promotions = Reslot(Promotions, removedPromotions, ranks, OfferSource.Promotion, currencyIds, promotionMoves, createdPromotions);
        var newCoupons = Reslot(coupons, removedCoupons, ranks, OfferSource.Coupon, currencyIds, couponMoves, createdCoupons);

        var revision = new Revision
        {
            Promotions = promotions,
            Coupons = newCoupons,
            CurrencyIds = currencyIds,
            CouponsById = couponsById,
            LimitedOffers = limitedOffers,
            ByProduct = byProduct,
            CartWideByStore = cartWideByStore,
            CartWide = CartWide,
            CategoryRoot = CategoryRoot,
            ValidFromTicks = Resized(ValidFromTicks, promotions.Length),
            ValidToTicks = Resized(ValidToTicks, promotions.Length),
            StoreLocalCount = storeLocalCount,
        };
        var placed = promotionMoves.Select(static m => m.New).Concat(createdPromotions).ToList();
        foreach (var promotion in placed)
        {
            (revision.ValidFromTicks[promotion.Index], revision.ValidToTicks[promotion.Index]) = PrefilterWindow(promotion);
        }

        // Take every old entry out before putting new ones in: a moved offer may take the index of a removed one.
        var unplaced = removedPromotions.Concat(promotionMoves.Select(static m => m.Old)).ToList();
        foreach (var promotion in unplaced)
        {
            foreach (var key in IndexKeys(promotion))
            {
                revision.EditList(key, list => Without(list, promotion.Index));
            }
        }

        foreach (var promotion in placed)
        {
            var entry = new IndexEntry(promotion.Index, revision.ValidFromTicks[promotion.Index], revision.ValidToTicks[promotion.Index]);
            foreach (var key in IndexKeys(promotion))
            {
                revision.EditList(key, list => WithSorted(list, entry));
            }
        }

        revision.PromotionsByLowerId = SortedArrayEdit.Apply(PromotionsByLowerId, unplaced, placed, ReportOrder);
        var couponsOut = removedCoupons.Concat(couponMoves.Select(static m => m.Old)).ToList();
        var couponsIn = couponMoves.Select(static m => m.New).Concat(createdCoupons).ToList();
        revision.ByAge = SortedArrayEdit.Apply(byAge, [.. unplaced, .. couponsOut], [.. placed, .. couponsIn], ByAgeRank);
        if (couponsOut.Count + couponsIn.Count > 0)
        {
            revision.CouponsById = new Dictionary<string, CompiledOffer>(couponsById, StringComparer.OrdinalIgnoreCase);
            foreach (var coupon in removedCoupons)
            {
                revision.CouponsById.Remove(coupon.Id);
            }

            foreach (var coupon in couponsIn)
            {
                revision.CouponsById[coupon.Id] = coupon;
            }
        }

        var removed = removedPromotions.Concat(removedCoupons).ToList();
        var created = createdPromotions.Concat(createdCoupons).ToList();
        if (removed.Concat(created).Any(static offer => offer.Offer.HasUsageLimits))
        {
            revision.LimitedOffers = new Dictionary<string, Offer>(limitedOffers, StringComparer.Ordinal);
            foreach (var offer in removed)
            {
                revision.LimitedOffers.Remove(offer.Id);
            }

            foreach (var offer in created.Where(static offer => offer.Offer.HasUsageLimits))
            {
                revision.LimitedOffers.TryAdd(offer.Id, offer.Offer);
            }
        }

        revision.StoreLocalCount += created.Count(static offer => offer.Offer.StoreLocal) - removed.Count(static offer => offer.Offer.StoreLocal);
        return new PromotionCatalog(this, revision);
    }

    /// <summary>
    /// Age ranks for the added offers: each goes between the ranks of its neighbours among the offers that stay, so
    /// every comparison of ages comes out as in a fresh compile. Null when a gap has no room left.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Dictionary<Offer, long>? RankAdded(List<Offer> added, List<CompiledOffer> removed)
    {
        var ranks = new Dictionary<Offer, long>(added.Count, ReferenceEqualityComparer.Instance);
        if (added.Count == 0)
        {
            return ranks;
        }

        var staying = SortedArrayEdit.Apply(byAge, removed, [], ByAgeRank);
        var newest = added.ToArray();
        Array.Sort(newest, AgeOrder);
        var positions = newest.Select(offer => StayingBefore(staying, offer)).ToArray();
        for (var first = 0; first < newest.Length;)
        {
            var position = positions[first];
            var last = first;
            while (last + 1 < newest.Length && positions[last + 1] == position)
            {
                last++;
            }

            var count = last - first + 1;
            var below = position > 0 ? staying[position - 1].AgeRank : (staying.Length > 0 ? staying[0].AgeRank : 0) - AgeRankSpacing;
            var above = position < staying.Length ? staying[position].AgeRank : (staying.Length > 0 ? staying[^1].AgeRank : 0) + AgeRankSpacing;
            if (above - below <= count)
            {
                return null;
            }

            for (var k = 0; k < count; k++)
            {
                ranks[newest[first + k]] = below + (long)((Int128)(above - below) * (k + 1) / (count + 1));
            }

            first = last + 1;
        }

        return ranks;
    }

    // How many staying offers are older than the new offer.
    private static int StayingBefore(CompiledOffer[] staying, Offer offer)
    {
        int low = 0, high = staying.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (AgeOrder.Compare(staying[middle].Offer, offer) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>
    /// The offers of one source after the change: a removed offer's place goes to one from the end of the array, so
    /// only that one moves, and added offers are compiled at the end.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static CompiledOffer[] Reslot(
        CompiledOffer[] current,
        List<CompiledOffer> removed,
        Dictionary<Offer, long> ranks,
        OfferSource source,
        CurrencyIds currencyIds,
        List<(CompiledOffer Old, CompiledOffer New)> moves,
        List<CompiledOffer> created)
    {
        var keptCount = current.Length - removed.Count;
        var adding = ranks.Where(pair => (pair.Key.Source == OfferSource.Coupon) == (source == OfferSource.Coupon))
            .OrderBy(static pair => pair.Value)
            .ToList();
        var result = new CompiledOffer[keptCount + adding.Count];
        Array.Copy(current, result, keptCount);
        var gone = removed.Select(static offer => offer.Index).ToHashSet();
        var tail = keptCount;
        foreach (var hole in gone.Where(index => index < keptCount).Order())
        {
            while (gone.Contains(tail))
            {
                tail++;
            }

            var moved = current[tail++].WithIndex(hole);
            moves.Add((current[tail - 1], moved));
            result[hole] = moved;
        }

        for (var k = 0; k < adding.Count; k++)
        {
            var offer = new CompiledOffer(adding[k].Key, source, keptCount + k, adding[k].Value, currencyIds);
            created.Add(offer);
            result[keptCount + k] = offer;
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long[] Resized(long[] ticks, int length)
    {
        var resized = new long[length];
        Array.Copy(ticks, resized, Math.Min(ticks.Length, length));
        return resized;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static IndexEntry[] Without(IndexEntry[] list, int offerIndex)
    {
        var count = 0;
        foreach (var entry in list)
        {
            count += entry.Offer == offerIndex ? 0 : 1;
        }

        var kept = new IndexEntry[count];
        var written = 0;
        foreach (var entry in list)
        {
            if (entry.Offer != offerIndex)
            {
                kept[written++] = entry;
            }
        }

        return kept;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    // The order of a fresh compile: latest end first, then index.
    private static IndexEntry[] WithSorted(IndexEntry[] list, IndexEntry added)
    {
        var at = Array.BinarySearch(list, added, LatestEndFirstEntries);
        at = at >= 0 ? at : ~at;
        var longer = new IndexEntry[list.Length + 1];
        Array.Copy(list, longer, at);
        longer[at] = added;
        Array.Copy(list, at, longer, at + 1, list.Length - at);
        return longer;
    }

    /// <summary>The parts of the catalogue being derived; shared parts are copied the first time they change.</summary>
    private sealed class Revision
    {
        private bool ownsByProduct;
        private bool ownsByStore;

        public required CompiledOffer[] Promotions { get; init; }

        public required CompiledOffer[] Coupons { get; init; }

        public required CurrencyIds CurrencyIds { get; init; }

        public required Dictionary<string, CompiledOffer> CouponsById { get; set; }

        public required Dictionary<string, Offer> LimitedOffers { get; set; }

        public required Dictionary<string, ProductEntry> ByProduct { get; set; }

        public required Dictionary<string, IndexEntry[]> CartWideByStore { get; set; }

        public required IndexEntry[] CartWide { get; set; }

        public required CategoryTrieNode CategoryRoot { get; set; }

        public required long[] ValidFromTicks { get; init; }

        public required long[] ValidToTicks { get; init; }

        public CompiledOffer[] PromotionsByLowerId { get; set; } = [];

        public CompiledOffer[] ByAge { get; set; } = [];

        public int StoreLocalCount { get; set; }

        public void EditList(IndexKey key, Func<IndexEntry[], IndexEntry[]> change)
        {
            switch (key.List)
            {
                case IndexList.Product:
                    ByProduct = Owned(ByProduct, ref ownsByProduct);
                    ReplaceProduct(ByProduct, key.Key!, change);
                    break;
                case IndexList.Store:
                    CartWideByStore = Owned(CartWideByStore, ref ownsByStore);
                    Replace(CartWideByStore, key.Key!, change);
                    break;
                case IndexList.Category:
                    CategoryRoot = CategoryRoot.WithOffersAt(key.Path!, change);
                    break;
                default:
                    CartWide = change(CartWide);
                    break;
            }
        }

        // The previous catalogue's dictionary is copied once, before the first change to it.
        private static Dictionary<string, T> Owned<T>(Dictionary<string, T> lists, ref bool owned)
        {
            if (owned)
            {
                return lists;
            }

            owned = true;
            return new Dictionary<string, T>(lists, StringComparer.Ordinal);
        }

        // As Replace; an excluded product keeps its entry (its exclusion is read there) when its list empties.
        private static void ReplaceProduct(Dictionary<string, ProductEntry> products, string productId, Func<IndexEntry[], IndexEntry[]> change)
        {
            var entry = products.TryGetValue(productId, out var found) ? found : new ProductEntry(NoOffers, Excluded: false);
            var list = change(entry.Offers);
            if (list.Length == 0 && !entry.Excluded)
            {
                products.Remove(productId);
            }
            else
            {
                products[productId] = entry with { Offers = list };
            }
        }

        // A list left empty goes, as a fresh compile would never have made it.
        private static void Replace(Dictionary<string, IndexEntry[]> lists, string key, Func<IndexEntry[], IndexEntry[]> change)
        {
            var list = change(lists.GetValueOrDefault(key) ?? NoOffers);
            if (list.Length == 0)
            {
                lists.Remove(key);
            }
            else
            {
                lists[key] = list;
            }
        }
    }
}
