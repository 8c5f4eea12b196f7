namespace Storewise.Pricing;

/// <summary>
/// Finds the promotions that can touch this cart through the catalog index (by product, by category prefix, and
/// the cart-wide list), pairs each with the lines that found it, and turns the eligible ones into participants.
/// Promotions the index does not return are never visited on this path, and each promotion it returns is checked
/// once, when first found, so ineligible ones cost nothing more.
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

            var participant = scratch.AddParticipant(ParticipantFactory.Create(offer, scratch.CandidateTerms[slot], null, -1, lineStart, lineCount));
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

            AddAll(scratch, catalog, catalog.PromotionsForProduct(scratch.ProductIds[line]), line);
            var categories = scratch.Items[line].Categories;
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

                // Walking the path from the root visits every prefix; the root holds the `[]` paths (A13).
                var node = catalog.CategoryRoot;
                AddAll(scratch, catalog, node.Offers, line);
                for (var s = 0; s < path.Count; s++)
                {
                    var segment = path[s];
                    if (segment is null || !node.TryGetChild(segment, out node))
                    {
                        break;
                    }

                    AddAll(scratch, catalog, node.Offers, line);
                }
            }
        }

        var now = scratch.EvaluatedAt.UtcTicks;
        AddCurrent(scratch, catalog, catalog.CartWide, now);
        AddCurrent(scratch, catalog, catalog.CartWideForStore(scratch.Cart.StoreId), now);
    }

    /// <summary>Adds the current cart-wide promotions of a list ordered latest end first.</summary>
    private static void AddCurrent(EvaluationScratch scratch, PromotionCatalog catalog, int[] offers, long now)
    {
        foreach (var offerIndex in offers)
        {
            if (catalog.ValidToTicks[offerIndex] < now)
            {
                break; // latest end first: all the rest have ended too (explain mode reports them)
            }

            if (catalog.ValidFromTicks[offerIndex] <= now)
            {
                AddCandidate(scratch, catalog, offerIndex);
            }
        }
    }

    private static void AddAll(EvaluationScratch scratch, PromotionCatalog catalog, int[] offers, int line)
    {
        var now = scratch.EvaluatedAt.UtcTicks;
        var validFrom = catalog.ValidFromTicks;
        var validTo = catalog.ValidToTicks;
        foreach (var offerIndex in offers)
        {
            // Index lists are ordered latest end first, and most stored promotions have ended.
            if (validTo[offerIndex] < now)
            {
                break;
            }

            if (validFrom[offerIndex] > now)
            {
                continue;
            }

            var slot = AddCandidate(scratch, catalog, offerIndex);
            // One pair per (eligible promotion, line), however many paths of the line found it.
            if (slot >= 0 && scratch.OfferLastLine[offerIndex] != line)
            {
                scratch.OfferLastLine[offerIndex] = line;
                scratch.AddPair(slot, line);
            }
        }
    }

    /// <summary>The candidate slot of a promotion, checking it the first time it is found; -1 when it is not eligible.</summary>
    private static int AddCandidate(EvaluationScratch scratch, PromotionCatalog catalog, int offerIndex)
    {
        if (scratch.OfferStamp[offerIndex] == scratch.Generation)
        {
            return scratch.OfferSlot[offerIndex];
        }

        scratch.OfferStamp[offerIndex] = scratch.Generation;
        scratch.OfferLastLine[offerIndex] = -1;
        if (Eligibility.Check(scratch, catalog.Promotions[offerIndex], null, out var terms) != EligibilityVerdict.Eligible)
        {
            scratch.OfferSlot[offerIndex] = -1;
            return -1;
        }

        var slot = scratch.AddCandidate(offerIndex, terms);
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
