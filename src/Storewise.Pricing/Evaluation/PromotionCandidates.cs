namespace Storewise.Pricing;

/// <summary>
/// Finds the promotions that can touch this cart through the catalog index (by product, by category prefix, and
/// the cart-wide list), pairs each with the lines that found it, and turns the eligible ones into participants.
/// Promotions the index does not return are never visited on this path.
/// </summary>
internal static class PromotionCandidates
{
    public static void Collect(EvaluationScratch scratch, PromotionCatalog catalog)
    {
        FindThroughIndex(scratch, catalog);
        GroupPairsByCandidate(scratch);

        var promotions = catalog.Promotions;
        for (var slot = 0; slot < scratch.CandidateCount; slot++)
        {
            var offer = promotions[scratch.Candidates[slot]];
            if (Eligibility.Check(scratch, offer, null, out var terms) is not null)
            {
                continue;
            }

            var lineStart = scratch.ParticipantLineCount;
            var start = scratch.SlotStart[slot];
            var end = start + scratch.SlotCount[slot];
            for (var k = start; k < end; k++)
            {
                var line = scratch.SortedPairLines[k];
                if (offer.ExcludedProducts is null || !offer.ExcludedProducts.Contains(scratch.ProductIds[line]))
                {
                    scratch.AddParticipantLine(line);
                }
            }

            var lineCount = scratch.ParticipantLineCount - lineStart;
            if (lineCount == 0 && OfferKinds.NeedsTargetedLine(offer.Family))
            {
                continue; // A25: no line selected, so no_eligible_items (reported in explain mode).
            }

            var participant = scratch.AddParticipant(ParticipantFactory.Create(offer, terms, null, -1, lineStart, lineCount));
            scratch.MarkParticipant(offer.Index, participant);
        }
    }

    private static void FindThroughIndex(EvaluationScratch scratch, PromotionCatalog catalog)
    {
        for (var line = 0; line < scratch.LineCount; line++)
        {
            // 1.5, A19: globally excluded products never select an offer.
            if (scratch.Excluded[line])
            {
                continue;
            }

            AddAll(scratch, catalog.PromotionsForProduct(scratch.ProductIds[line]), line);
            var categories = scratch.Items[line].Categories;
            if (categories is null)
            {
                continue;
            }

            foreach (var path in categories)
            {
                if (path is null)
                {
                    continue;
                }

                // Walking the path from the root visits every prefix; the root holds the `[]` paths (A13).
                var node = catalog.CategoryRoot;
                AddAll(scratch, node.Offers, line);
                foreach (var segment in path)
                {
                    if (segment is null || !node.TryGetChild(segment, out node))
                    {
                        break;
                    }

                    AddAll(scratch, node.Offers, line);
                }
            }
        }

        // Both lists ascend by index; merged, candidates come in the same order as one list of every cart offer.
        var everywhere = catalog.CartWide;
        var inStore = catalog.CartWideForStore(scratch.Cart.StoreId);
        int e = 0, s = 0;
        while (e < everywhere.Length || s < inStore.Length)
        {
            var takeEverywhere = s >= inStore.Length || (e < everywhere.Length && everywhere[e] < inStore[s]);
            AddCandidate(scratch, takeEverywhere ? everywhere[e++] : inStore[s++]);
        }
    }

    private static void AddAll(EvaluationScratch scratch, int[] offers, int line)
    {
        foreach (var offerIndex in offers)
        {
            var slot = AddCandidate(scratch, offerIndex);
            // One pair per (promotion, line), however many paths of the line found it.
            if (scratch.OfferLastLine[offerIndex] != line)
            {
                scratch.OfferLastLine[offerIndex] = line;
                scratch.AddPair(slot, line);
            }
        }
    }

    private static int AddCandidate(EvaluationScratch scratch, int offerIndex)
    {
        if (scratch.OfferStamp[offerIndex] == scratch.Generation)
        {
            return scratch.OfferSlot[offerIndex];
        }

        scratch.OfferStamp[offerIndex] = scratch.Generation;
        scratch.OfferLastLine[offerIndex] = -1;
        var slot = scratch.AddCandidate(offerIndex);
        scratch.OfferSlot[offerIndex] = slot;
        return slot;
    }

    // Counting sort of the (candidate, line) pairs by candidate; lines stay in ascending order within each.
    private static void GroupPairsByCandidate(EvaluationScratch scratch)
    {
        var candidates = scratch.CandidateCount;
        if (scratch.SlotStart.Length < candidates)
        {
            var size = Math.Max(candidates, scratch.SlotStart.Length * 2);
            scratch.SlotStart = new int[size];
            scratch.SlotCount = new int[size];
        }

        if (scratch.SortedPairLines.Length < scratch.PairCount)
        {
            scratch.SortedPairLines = new int[Math.Max(scratch.PairCount, scratch.SortedPairLines.Length * 2)];
        }

        Array.Clear(scratch.SlotCount, 0, candidates);
        for (var k = 0; k < scratch.PairCount; k++)
        {
            scratch.SlotCount[scratch.PairSlot[k]]++;
        }

        var next = 0;
        for (var slot = 0; slot < candidates; slot++)
        {
            scratch.SlotStart[slot] = next;
            next += scratch.SlotCount[slot];
        }

        // Reuse SlotCount as the fill cursor, then restore it from the starts.
        Array.Clear(scratch.SlotCount, 0, candidates);
        for (var k = 0; k < scratch.PairCount; k++)
        {
            var slot = scratch.PairSlot[k];
            scratch.SortedPairLines[scratch.SlotStart[slot] + scratch.SlotCount[slot]++] = scratch.PairLine[k];
        }
    }
}
