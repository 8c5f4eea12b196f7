namespace Storewise.Pricing;

/// <summary>
/// Finds the promotions that can touch this cart through the catalog index (by product, by category prefix, and
/// the cart-wide list), pairs each with the lines that found it, and turns the eligible ones into participants.
/// Promotions the index does not return are never visited on this path, and each promotion it returns is checked
/// once, when first found, so ineligible ones cost nothing more.
/// </summary>
internal sealed class PromotionCandidates
{
    // Per promotion, by catalog index, valid where checked: the last line that found it, and its slot (-1 when
    // not eligible).
    private readonly PromotionStamps checkedPromotions = new();
    private int[] offerLastLine = new int[64];
    private int[] offerSlot = new int[64];

    // Eligible promotions found so far (slots), with their terms in the cart currency.
    private int candidateCount;
    private int[] candidates = new int[64];
    private CurrencyTerms[] candidateTerms = new CurrencyTerms[64];

    // (slot, line) pairs in the order found, then grouped by slot.
    private int pairCount;
    private int[] pairSlot = new int[256];
    private int[] pairLine = new int[256];
    private int[] slotStart = new int[64];
    private int[] slotCount = new int[64];
    private int[] sortedPairLines = new int[256];

    public void Collect(in EvaluationContext context, CartLineTable lines, PromotionCatalog catalog, ParticipantSet participants)
    {
        Begin(catalog.PromotionCount);
        FindThroughIndex(context, lines, catalog);
        GroupPairsByCandidate();

        var promotions = catalog.Promotions;
        var productIds = lines.ProductIds;
        for (var slot = 0; slot < candidateCount; slot++)
        {
            var offer = promotions[candidates[slot]];
            var lineStart = participants.NextLineStart;
            var start = slotStart[slot];
            var end = start + slotCount[slot];
            for (var k = start; k < end; k++)
            {
                var line = sortedPairLines[k];
                if (offer.ExcludedProducts is null || !offer.ExcludedProducts.Contains(productIds[line]))
                {
                    participants.AddLine(line);
                }
            }

            var lineCount = participants.NextLineStart - lineStart;
            if (lineCount == 0 && OfferKinds.NeedsTargetedLine(offer.Family))
            {
                continue; // docs/pricing-rules.md A25: no line selected, so no_eligible_items (reported in explain mode).
            }

            participants.AddPromotion(ParticipantFactory.Create(context, offer, candidateTerms[slot], null, null, -1, lineStart, lineCount), offer.Index);
        }
    }

    private void Begin(int promotionCount)
    {
        checkedPromotions.Begin(promotionCount);
        ArrayCapacity.Reserve(ref offerLastLine, promotionCount);
        ArrayCapacity.Reserve(ref offerSlot, promotionCount);
        candidateCount = 0;
        pairCount = 0;
    }

    private void FindThroughIndex(in EvaluationContext context, CartLineTable lines, PromotionCatalog catalog)
    {
        var excluded = lines.Excluded;
        var productIds = lines.ProductIds;
        var items = lines.Items;
        for (var line = 0; line < excluded.Length; line++)
        {
            // docs/spec.md §1.5, docs/pricing-rules.md A19: globally excluded products never select an offer.
            if (excluded[line])
            {
                continue;
            }

            AddAll(context, catalog, catalog.PromotionsForProduct(productIds[line]), line);
            var categories = items[line].Categories;
            if (categories is null)
            {
                continue;
            }

            // Indexed loops: foreach over an IReadOnlyList would allocate an enumerator per path.
            for (var p = 0; p < categories.Count; p++)
            {
                var path = categories[p];
                if (path is null)
                {
                    continue;
                }

                // Walking the path from the root visits every prefix; the root holds the `[]` paths (docs/pricing-rules.md A13).
                var node = catalog.CategoryRoot;
                AddAll(context, catalog, node.Offers, line);
                for (var s = 0; s < path.Count; s++)
                {
                    var segment = path[s];
                    if (segment is null || !node.TryGetChild(segment, out node))
                    {
                        break;
                    }

                    AddAll(context, catalog, node.Offers, line);
                }
            }
        }

        var now = context.EvaluatedAt.UtcTicks;
        AddCurrent(context, catalog, catalog.CartWide, now);
        AddCurrent(context, catalog, catalog.CartWideForStore(context.Cart.StoreId), now);
    }

    /// <summary>Adds the current cart-wide promotions of a list ordered latest end first.</summary>
    private void AddCurrent(in EvaluationContext context, PromotionCatalog catalog, IndexEntry[] offers, long now)
    {
        foreach (ref readonly var entry in offers.AsSpan())
        {
            if (entry.ValidTo < now)
            {
                break; // latest end first: all the rest have ended too (explain mode reports them)
            }

            if (entry.ValidFrom <= now)
            {
                AddCandidate(context, catalog, entry.Offer);
            }
        }
    }

    private void AddAll(in EvaluationContext context, PromotionCatalog catalog, IndexEntry[] offers, int line)
    {
        var now = context.EvaluatedAt.UtcTicks;
        foreach (ref readonly var entry in offers.AsSpan())
        {
            // Index lists are ordered latest end first, and most stored promotions have ended.
            if (entry.ValidTo < now)
            {
                break;
            }

            if (entry.ValidFrom > now)
            {
                continue;
            }

            var offerIndex = entry.Offer;
            var slot = AddCandidate(context, catalog, offerIndex);
            // One pair per (eligible promotion, line), however many paths of the line found it.
            if (slot >= 0 && offerLastLine[offerIndex] != line)
            {
                offerLastLine[offerIndex] = line;
                AddPair(slot, line);
            }
        }
    }

    /// <summary>The candidate slot of a promotion, checking it the first time it is found; -1 when it is not eligible.</summary>
    private int AddCandidate(in EvaluationContext context, PromotionCatalog catalog, int offerIndex)
    {
        if (checkedPromotions.IsMarked(offerIndex))
        {
            return offerSlot[offerIndex];
        }

        checkedPromotions.Mark(offerIndex);
        offerLastLine[offerIndex] = -1;
        if (Eligibility.Check(context, catalog.Promotions[offerIndex], null, out var terms) != EligibilityVerdict.Eligible)
        {
            offerSlot[offerIndex] = -1;
            return -1;
        }

        ArrayCapacity.GrowForAppend(ref candidates, candidateCount);
        ArrayCapacity.GrowForAppend(ref candidateTerms, candidateCount);
        candidates[candidateCount] = offerIndex;
        candidateTerms[candidateCount] = terms;
        offerSlot[offerIndex] = candidateCount;
        return candidateCount++;
    }

    private void AddPair(int slot, int line)
    {
        ArrayCapacity.GrowForAppend(ref pairSlot, pairCount);
        ArrayCapacity.GrowForAppend(ref pairLine, pairCount);
        pairSlot[pairCount] = slot;
        pairLine[pairCount] = line;
        pairCount++;
    }

    // Counting sort of the (candidate, line) pairs by candidate; lines stay in ascending order within each.
    private void GroupPairsByCandidate()
    {
        ArrayCapacity.Reserve(ref slotStart, candidateCount);
        ArrayCapacity.Reserve(ref slotCount, candidateCount);
        ArrayCapacity.Reserve(ref sortedPairLines, pairCount);
        Array.Clear(slotCount, 0, candidateCount);
        for (var k = 0; k < pairCount; k++)
        {
            slotCount[pairSlot[k]]++;
        }

        var next = 0;
        for (var slot = 0; slot < candidateCount; slot++)
        {
            slotStart[slot] = next;
            next += slotCount[slot];
        }

        // Count again while filling, which leaves slotCount as it was.
        Array.Clear(slotCount, 0, candidateCount);
        for (var k = 0; k < pairCount; k++)
        {
            var slot = pairSlot[k];
            sortedPairLines[slotStart[slot] + slotCount[slot]++] = pairLine[k];
        }
    }
}
