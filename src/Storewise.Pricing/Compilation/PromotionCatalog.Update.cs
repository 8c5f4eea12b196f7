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
        byProduct = revision.ByProduct.Build();
        cartWideByStore = revision.CartWideByStore;
        CartWide = revision.CartWide;
        CategoryRoot = revision.CategoryRoot;
        ValidFromTicks = revision.ValidFromTicks.Build();
        ValidToTicks = revision.ValidToTicks.Build();
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
            ByProduct = byProduct.Edit(),
            CartWideByStore = cartWideByStore,
            CartWide = CartWide,
            CategoryRoot = CategoryRoot,
            ValidFromTicks = Resized(ValidFromTicks, promotions.Length),
            ValidToTicks = Resized(ValidToTicks, promotions.Length),
            StoreLocalCount = storeLocalCount,
            PromotionsByLowerId = PromotionsByLowerId,
            ByAge = byAge,
        };
        var placed = promotionMoves.Select(static m => m.New).Concat(createdPromotions).ToList();
        foreach (var promotion in placed)
        {
            (revision.ValidFromTicks[promotion.Index], revision.ValidToTicks[promotion.Index]) = PrefilterWindow(promotion);
        }

        // Each list is copied once, whatever number of offers leave and join it. Every old entry goes before new
        // ones come in: a moved offer may take the index of a removed one.
        var unplaced = removedPromotions.Concat(promotionMoves.Select(static m => m.Old)).ToList();
        var listEdits = new Dictionary<(IndexList List, string Key), ListEdit>();
        foreach (var promotion in unplaced)
        {
            foreach (var key in IndexKeys(promotion))
            {
                ListEditOf(listEdits, key).Leaving.Add(promotion.Index);
            }
        }

        foreach (var promotion in placed)
        {
            var entry = new IndexEntry(promotion.Index, revision.ValidFromTicks[promotion.Index], revision.ValidToTicks[promotion.Index]);
            foreach (var key in IndexKeys(promotion))
            {
                ListEditOf(listEdits, key).Joining.Add(entry);
            }
        }

        foreach (var edit in listEdits.Values)
        {
            revision.EditList(edit.Key, edit.Apply);
        }

        revision.PromotionsByLowerId = PromotionsByLowerId.With(unplaced, placed, ReportOrder);
        var couponsOut = removedCoupons.Concat(couponMoves.Select(static m => m.Old)).ToList();
        var couponsIn = couponMoves.Select(static m => m.New).Concat(createdCoupons).ToList();
        revision.ByAge = byAge.With([.. unplaced, .. couponsOut], [.. placed, .. couponsIn], ByAgeRank);
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

        // The staying offers are byAge without the removed ones, read in place rather than copied.
        var leaving = new HashSet<CompiledOffer>(removed, ReferenceEqualityComparer.Instance);
        var newest = added.ToArray();
        Array.Sort(newest, AgeOrder);
        var neighbours = newest.Select(offer => StayingAround(leaving, offer)).ToArray();
        for (var first = 0; first < newest.Length;)
        {
            var (older, younger) = neighbours[first];
            var last = first;
            while (last + 1 < newest.Length && ReferenceEquals(neighbours[last + 1].Older, older))
            {
                last++;
            }

            var count = last - first + 1;
            var below = older?.AgeRank ?? ((younger?.AgeRank ?? 0) - AgeRankSpacing);
            var above = younger?.AgeRank ?? ((older?.AgeRank ?? 0) + AgeRankSpacing);
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

    // The youngest staying offer older than the new offer and the oldest staying one younger, each null when none.
    private (CompiledOffer? Older, CompiledOffer? Younger) StayingAround(HashSet<CompiledOffer> leaving, Offer offer)
    {
        var place = byAge.CountBefore(offer, static (staying, offer) => AgeOrder.Compare(staying.Offer, offer));
        CompiledOffer? older = null, younger = null;
        for (var position = place - 1; position >= 0 && older is null; position--)
        {
            older = leaving.Contains(byAge[position]) ? null : byAge[position];
        }

        for (var position = place; position < byAge.Length && younger is null; position++)
        {
            younger = leaving.Contains(byAge[position]) ? null : byAge[position];
        }

        return (older, younger);
    }

    /// <summary>
    /// The offers of one source after the change: a removed offer's place goes to one from the end of the array, so
    /// only that one moves, and added offers are compiled at the end.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ChunkedArray<CompiledOffer> Reslot(
        ChunkedArray<CompiledOffer> current,
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
        // Every place from keptCount on is written below, so the resize need not clear them.
        var result = current.Edit();
        result.Resize(keptCount + adding.Count);
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

        return result.Build();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ChunkedArray<long>.Editor Resized(ChunkedArray<long> ticks, int length)
    {
        var resized = ticks.Edit();
        resized.Resize(length);
        return resized;
    }

    // Keys of a category list join its path: the same category in two offers is two arrays of the same names.
    private static ListEdit ListEditOf(Dictionary<(IndexList List, string Key), ListEdit> edits, IndexKey key)
    {
        var name = (key.List, key.Key ?? (key.Path is null ? string.Empty : string.Join('\u001f', key.Path)));
        if (!edits.TryGetValue(name, out var edit))
        {
            edit = new ListEdit(key);
            edits.Add(name, edit);
        }

        return edit;
    }

    /// <summary>The entries leaving one list of the index (by offer index) and those joining it.</summary>
    private sealed class ListEdit(IndexKey key)
    {
        public IndexKey Key { get; } = key;

        public HashSet<int> Leaving { get; } = [];

        public List<IndexEntry> Joining { get; } = [];

        // The order of a fresh compile: latest end first, then index; one pass merges the kept and the joining.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public IndexEntry[] Apply(IndexEntry[] list)
        {
            Joining.Sort(LatestEndFirstEntries);
            var kept = 0;
            foreach (var entry in list)
            {
                kept += Leaving.Contains(entry.Offer) ? 0 : 1;
            }

            var result = new IndexEntry[kept + Joining.Count];
            int written = 0, next = 0;
            foreach (var entry in list)
            {
                if (Leaving.Contains(entry.Offer))
                {
                    continue;
                }

                while (next < Joining.Count && LatestEndFirstEntries.Compare(Joining[next], entry) < 0)
                {
                    result[written++] = Joining[next++];
                }

                result[written++] = entry;
            }

            while (next < Joining.Count)
            {
                result[written++] = Joining[next++];
            }

            return result;
        }
    }

    /// <summary>The parts of the catalogue being derived; shared parts are copied the first time they change.</summary>
    private sealed class Revision
    {
        private bool ownsByStore;

        public required ChunkedArray<CompiledOffer> Promotions { get; init; }

        public required ChunkedArray<CompiledOffer> Coupons { get; init; }

        public required CurrencyIds CurrencyIds { get; init; }

        public required Dictionary<string, CompiledOffer> CouponsById { get; set; }

        public required Dictionary<string, Offer> LimitedOffers { get; set; }

        public required PagedStringMap<ProductEntry>.Editor ByProduct { get; init; }

        public required Dictionary<string, IndexEntry[]> CartWideByStore { get; set; }

        public required IndexEntry[] CartWide { get; set; }

        public required CategoryTrieNode CategoryRoot { get; set; }

        public required ChunkedArray<long>.Editor ValidFromTicks { get; init; }

        public required ChunkedArray<long>.Editor ValidToTicks { get; init; }

        public required ChunkedSortedArray<CompiledOffer> PromotionsByLowerId { get; set; }

        public required ChunkedSortedArray<CompiledOffer> ByAge { get; set; }

        public int StoreLocalCount { get; set; }

        public void EditList(IndexKey key, Func<IndexEntry[], IndexEntry[]> change)
        {
            switch (key.List)
            {
                case IndexList.Product:
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
        private static void ReplaceProduct(PagedStringMap<ProductEntry>.Editor products, string productId, Func<IndexEntry[], IndexEntry[]> change)
        {
            var entry = products.TryGetValue(productId, out var found) ? found : new ProductEntry(NoOffers, Excluded: false);
            var list = change(entry.Offers);
            if (list.Length == 0 && !entry.Excluded)
            {
                products.Remove(productId);
            }
            else
            {
                products.Set(productId, entry with { Offers = list });
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
