namespace Storewise.Pricing;

/// <summary>Builds the <see cref="PricingResult"/> from the winning scenario's entries (docs/pricing-rules.md A41–A44, A51, A52).</summary>
internal sealed class ResultAssembly
{
    // Per line of the cart: money taken, then number of entries (and fill cursor), and the entries themselves.
    private long[] lineDiscount = new long[16];
    private int[] lineEntryCount = new int[16];
    private AppliedDiscount[][] lineEntries = new AppliedDiscount[16][];
    private int lineCount;

    // Per participant: the offer side its entries share, made when its first entry is met.
    private AppliedOffer?[] appliedOffers = new AppliedOffer?[16];
    private int participantCount;

    public PricingResult Build(
        in EvaluationContext context,
        CartLineTable lines,
        ParticipantSet participants,
        CodeOutcomes codes,
        EntryLog entries,
        PromotionCatalog catalog,
        PromotionCandidates candidates,
        bool explain)
    {
        lineCount = lines.Count;
        var exponent = context.Exponent;
        ArrayCapacity.Reserve(ref lineDiscount, lineCount);
        ArrayCapacity.Reserve(ref lineEntryCount, lineCount);
        ArrayCapacity.Reserve(ref lineEntries, lineCount);
        Array.Clear(lineEntryCount, 0, lineCount);
        Array.Clear(lineDiscount, 0, lineCount);
        var shippingEntryCount = 0;
        long shippingDiscount = 0;
        foreach (var entry in entries.All)
        {
            if (entry.Line < 0)
            {
                shippingEntryCount++;
                shippingDiscount += entry.Amount;
            }
            else
            {
                lineEntryCount[entry.Line]++;
                lineDiscount[entry.Line] += entry.Amount;
            }
        }

        for (var line = 0; line < lineCount; line++)
        {
            var count = lineEntryCount[line];
            lineEntries[line] = count == 0 ? [] : new AppliedDiscount[count];
            lineEntryCount[line] = 0; // now the fill cursor
        }

        var shippingEntries = shippingEntryCount == 0 ? [] : new AppliedDiscount[shippingEntryCount];
        shippingEntryCount = 0;
        participantCount = participants.Count;
        ArrayCapacity.Reserve(ref appliedOffers, participantCount);
        Array.Clear(appliedOffers, 0, participantCount);
        foreach (var entry in entries.All)
        {
            var discount = new AppliedDiscount(
                appliedOffers[entry.Participant] ??= ToAppliedOffer(participants, entry.Participant),
                MinorUnits.ToDecimal(entry.Amount, exponent));
            if (entry.Line < 0)
            {
                shippingEntries[shippingEntryCount++] = discount;
            }
            else
            {
                lineEntries[entry.Line][lineEntryCount[entry.Line]++] = discount;
            }
        }

        var items = new PricedItem[lineCount];
        var cartItems = lines.Items;
        var catalogAmounts = lines.CatalogAmounts;
        long catalogTotal = 0;
        long discountTotal = 0;
        for (var line = 0; line < lineCount; line++)
        {
            var catalogAmount = catalogAmounts[line];
            var discount = lineDiscount[line];
            catalogTotal += catalogAmount;
            discountTotal += discount;
            items[line] = new PricedItem(
                cartItems[line],
                lineEntries[line],
                MinorUnits.ToDecimal(discount, exponent),
                MinorUnits.ToDecimal(catalogAmount - discount, exponent));
        }

        // docs/pricing-rules.md A51, A52: discountTotal counts items only; total adds the shipping left to pay (0 without shippingCost).
        var shippingTotal = lines.HasShipping ? lines.Shipping - shippingDiscount : 0;
        return new PricingResult(
            items,
            MinorUnits.ToDecimal(catalogTotal, exponent),
            MinorUnits.ToDecimal(discountTotal, exponent),
            shippingEntries,
            MinorUnits.ToDecimal(shippingTotal, exponent),
            MinorUnits.ToDecimal(catalogTotal - discountTotal + shippingTotal, exponent),
            BuildRejections(participants, codes),
            explain ? BuildNotApplied(context, participants, catalog, candidates) : null)
        {
            UsageWanted = UsageReports.Wanted(context, participants),
            Usage = explain ? UsageReports.Given(participants, codes) : null,
            AddedItems = BuildAddedItems(participants, entries),
            StoreTime = explain && catalog.UsesStoreZones ? StoreTimeReading.Of(context) : null,
            NextTiers = explain ? NextTierHints.For(context, lines, participants) : [],
        };
    }

    /// <summary>Drops the references to the last result's entries.</summary>
    public void Clear()
    {
        Array.Clear(lineEntries, 0, lineCount);
        Array.Clear(appliedOffers, 0, participantCount);
        lineCount = 0;
        participantCount = 0;
    }

    private static AppliedOffer ToAppliedOffer(ParticipantSet participants, int index)
    {
        ref readonly var participant = ref participants[index];
        var offer = participant.Offer;
        return new AppliedOffer(offer.Source, offer.Id, participant.Code, offer.Name, offer.Kind, offer.Level, participant.Value, offer.Offer.Exclusive);
    }

    // docs/pricing-rules.md A44: in couponCodes order. docs/pricing-rules.md A41: an applied code that took nothing is no_eligible_items; docs/pricing-rules.md A46: a code outside
    // the winning scenario is exclusive_conflict.
    private static RejectedCoupon[] BuildRejections(ParticipantSet participants, CodeOutcomes codes)
    {
        var count = 0;
        foreach (ref readonly var outcome in codes.All)
        {
            if (RejectionReason(participants, outcome) is not null)
            {
                count++;
            }
        }

        if (count == 0)
        {
            return [];
        }

        var rejected = new RejectedCoupon[count];
        count = 0;
        foreach (ref readonly var outcome in codes.All)
        {
            if (RejectionReason(participants, outcome) is { } reason)
            {
                rejected[count++] = new RejectedCoupon(outcome.Code, reason, RejectionMessages.For(reason));
            }
        }

        return rejected;
    }

    private static string? RejectionReason(ParticipantSet participants, in CodeOutcome outcome)
    {
        if (outcome.Duplicate)
        {
            return null; // docs/pricing-rules.md A37: dropped silently.
        }

        if (outcome.Participant < 0)
        {
            return outcome.Reason;
        }

        return OutcomeReason(participants[outcome.Participant]);
    }

    internal static string? OutcomeReason(in Participant participant) =>
        participant.Blocked is { } limit ? limit
        : !participant.InWinner ? ReasonCodes.ExclusiveConflict
        : participant.Taken == 0 && !participant.Gifted ? ReasonCodes.NoEligibleItems
        : null;

    // docs/pricing-semantics.md, "Gifts": in the order they were given; none is the shared empty list.
    private static IReadOnlyList<AddedItem> BuildAddedItems(ParticipantSet participants, EntryLog entries)
    {
        var gifts = entries.Gifts;
        if (gifts.Length == 0)
        {
            return [];
        }

        var added = new AddedItem[gifts.Length];
        for (var k = 0; k < gifts.Length; k++)
        {
            ref readonly var participant = ref participants[gifts[k].Participant];
            var offer = participant.Offer;
            added[k] = new AddedItem(offer.Gifts[gifts[k].Line].ProductId, (int)gifts[k].Amount, offer.Source, offer.Id, participant.Code, offer.Name);
        }

        return added;
    }
    // The hints step: only the threshold reasons can have a hint (docs/pricing-semantics.md, "Near-miss hints").
    // mayCount: the lines that may count toward the offer's units (see NearMissHints).
    internal static OfferHint? HintFor(in EvaluationContext context, CompiledOffer offer, string reason, ReadOnlySpan<int> mayCount) => reason switch
    {
        ReasonCodes.NotStarted or ReasonCodes.OutsideSchedule or ReasonCodes.BelowMinimumCartValue or ReasonCodes.BelowMinimumQuantity
            => NearMissHints.For(context, offer, mayCount),
        ReasonCodes.NoEligibleItems when offer.Family is OfferFamily.Bogo or OfferFamily.Bundle || (offer.Family == OfferFamily.Gift && offer.Buy is not null)
            => NearMissHints.For(context, offer, mayCount),
        _ => null,
    };

    // docs/pricing-rules.md A43, A44: every stored promotion that did not apply, by lower-cased id. This visits every promotion,
    // which is why it is reserved for explain mode.
    private static List<NotAppliedPromotion> BuildNotApplied(
        in EvaluationContext context, ParticipantSet participants, PromotionCatalog catalog, PromotionCandidates candidates)
    {
        // Sized for the worst case so the list never grows; it is returned as is, without a copy.
        var report = new List<NotAppliedPromotion>(catalog.PromotionCount);
        foreach (var offer in catalog.PromotionsByLowerId)
        {
            string? reason;
            if (participants.TryGetPromotion(offer.Index, out var participant))
            {
                reason = OutcomeReason(participants[participant]);
            }
            else
            {
                // Not a participant: either a check failed, or no line selected it (docs/pricing-rules.md A25).
                reason = Eligibility.Check(context, offer, null, out _).ReasonCode() ?? ReasonCodes.NoEligibleItems;
            }

            if (reason is not null)
            {
                report.Add(new NotAppliedPromotion(offer.Source, offer.Id, offer.Name, reason) { Hint = HintFor(context, offer, reason, candidates.LinesThatFound(offer.Index)) });
            }
        }

        return report;
    }
}
