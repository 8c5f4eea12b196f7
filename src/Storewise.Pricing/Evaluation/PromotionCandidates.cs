namespace Storewise.Pricing;

/// <summary>
/// Finds the promotions that can touch this cart through the catalog index (by product, by category prefix, and
/// the cart-wide list), pairs each with the lines that found it, and turns the eligible ones into participants.
/// Promotions the index does not return are never visited on this path, and each promotion it returns is checked
/// once, when first found, so ineligible ones cost nothing more. Asked to (for the hints of explain mode and
/// qualification), it also keeps the lines that found each promotion that did not become a candidate (not started, or
/// failing a check), so a hint counts units over those lines only (<see cref="LinesThatFound"/>,
/// docs/decisions/1006-hints-count-the-lines-that-found-the-offer.md).
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

    // The lines that found each candidate, by slot.
    private readonly LinesBySlot found = new();

    // Promotions found that are no candidates, with their own slots, valid where marked, and the lines that found them.
    private readonly PromotionStamps missedPromotions = new();
    private int[] missedSlot = new int[64];
    private int[] missedLastLine = new int[64];
    private int missedCount;
    private readonly LinesBySlot missed = new();
    private bool keepMissed;

    /// <summary>
    /// Collects the candidates and makes the eligible ones participants; with <paramref name="keepMissedLines"/>, also
    /// keeps the lines that found the others.
    /// </summary>
    public void Collect(in EvaluationContext context, CartLineTable lines, PromotionCatalog catalog, ParticipantSet participants, bool keepMissedLines = false)
    {
        keepMissed = keepMissedLines;
        Begin(catalog.PromotionCount);
        FindThroughIndex(context, lines, catalog);
        found.Group(candidateCount);
        if (keepMissed)
        {
            missed.Group(missedCount);
        }

        var promotions = catalog.Promotions;
        var productIds = lines.ProductIds;
        for (var slot = 0; slot < candidateCount; slot++)
        {
            var offer = promotions[candidates[slot]];
            var lineStart = participants.NextLineStart;
            foreach (var line in found.LinesOf(slot))
            {
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

    /// <summary>
    /// The lines that found promotion <paramref name="offerIndex"/> through the index in this evaluation, without
    /// repeats: every line its targeting selects is among them (its excluded products not yet taken out). For a
    /// promotion that did not become a candidate they are known only when collected with keepMissedLines; an
    /// offer no line found, or one not indexed by lines (cart-wide kinds), has none.
    /// </summary>
    public ReadOnlySpan<int> LinesThatFound(int offerIndex)
    {
        if (checkedPromotions.IsMarked(offerIndex) && offerSlot[offerIndex] >= 0)
        {
            return found.LinesOf(offerSlot[offerIndex]);
        }

        return keepMissed && missedPromotions.IsMarked(offerIndex) ? missed.LinesOf(missedSlot[offerIndex]) : [];
    }

    private void Begin(int promotionCount)
    {
        checkedPromotions.Begin(promotionCount);
        ArrayCapacity.Reserve(ref offerLastLine, promotionCount);
        ArrayCapacity.Reserve(ref offerSlot, promotionCount);
        candidateCount = 0;
        found.Clear();
        if (keepMissed)
        {
            missedPromotions.Begin(promotionCount);
            ArrayCapacity.Reserve(ref missedSlot, promotionCount);
            ArrayCapacity.Reserve(ref missedLastLine, promotionCount);
            missedCount = 0;
            missed.Clear();
        }
    }

    private void FindThroughIndex(in EvaluationContext context, CartLineTable lines, PromotionCatalog catalog)
    {
        var excluded = lines.Excluded;
        var productOffers = lines.ProductOffers;
        var items = lines.Items;
        for (var line = 0; line < excluded.Length; line++)
        {
            // docs/spec.md §1.5, docs/pricing-rules.md A19: globally excluded products never select an offer.
            if (excluded[line])
            {
                continue;
            }

            AddAll(context, catalog, productOffers[line], line);
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

            var offerIndex = entry.Offer;
            if (entry.ValidFrom > now)
            {
                AddMissed(offerIndex, line);
                continue;
            }

            var slot = AddCandidate(context, catalog, offerIndex);
            if (slot < 0)
            {
                AddMissed(offerIndex, line);
            }
            else if (offerLastLine[offerIndex] != line)
            {
                // One pair per (eligible promotion, line), however many paths of the line found it.
                offerLastLine[offerIndex] = line;
                found.Add(slot, line);
            }
        }
    }

    private void AddMissed(int offerIndex, int line)
    {
        if (!keepMissed)
        {
            return;
        }

        if (!missedPromotions.IsMarked(offerIndex))
        {
            missedPromotions.Mark(offerIndex);
            missedSlot[offerIndex] = missedCount++;
            missedLastLine[offerIndex] = -1;
        }

        if (missedLastLine[offerIndex] != line)
        {
            missedLastLine[offerIndex] = line;
            missed.Add(missedSlot[offerIndex], line);
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
}
