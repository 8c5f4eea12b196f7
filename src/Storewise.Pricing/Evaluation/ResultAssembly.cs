namespace Storewise.Pricing;

/// <summary>Builds the <see cref="PricingResult"/> from the winning scenario's entries (A41–A44, A51, A52).</summary>
internal static class ResultAssembly
{
    public static PricingResult Build(EvaluationScratch scratch, PromotionCatalog catalog, bool explain)
    {
        var lineCount = scratch.LineCount;
        var exponent = scratch.Exponent;
        Array.Clear(scratch.LineEntryCount, 0, lineCount);
        Array.Clear(scratch.LineDiscount, 0, lineCount);
        var shippingEntryCount = 0;
        long shippingDiscount = 0;
        for (var e = 0; e < scratch.EntryCount; e++)
        {
            var entry = scratch.Entries[e];
            if (entry.Line < 0)
            {
                shippingEntryCount++;
                shippingDiscount += entry.Amount;
            }
            else
            {
                scratch.LineEntryCount[entry.Line]++;
                scratch.LineDiscount[entry.Line] += entry.Amount;
            }
        }

        for (var line = 0; line < lineCount; line++)
        {
            var count = scratch.LineEntryCount[line];
            scratch.LineEntries[line] = count == 0 ? [] : new AppliedDiscount[count];
            scratch.LineEntryCount[line] = 0; // now the fill cursor
        }

        var shippingEntries = shippingEntryCount == 0 ? [] : new AppliedDiscount[shippingEntryCount];
        shippingEntryCount = 0;
        for (var e = 0; e < scratch.EntryCount; e++)
        {
            var entry = scratch.Entries[e];
            var discount = ToAppliedDiscount(scratch, entry, exponent);
            if (entry.Line < 0)
            {
                shippingEntries[shippingEntryCount++] = discount;
            }
            else
            {
                scratch.LineEntries[entry.Line][scratch.LineEntryCount[entry.Line]++] = discount;
            }
        }

        var items = new PricedItem[lineCount];
        long catalogTotal = 0;
        long discountTotal = 0;
        for (var line = 0; line < lineCount; line++)
        {
            var catalogAmount = scratch.Catalog[line];
            var lineDiscount = scratch.LineDiscount[line];
            catalogTotal += catalogAmount;
            discountTotal += lineDiscount;
            items[line] = new PricedItem(
                scratch.Items[line],
                scratch.LineEntries[line],
                Money.ToDecimal(lineDiscount, exponent),
                Money.ToDecimal(catalogAmount - lineDiscount, exponent));
        }

        // A51, A52: discountTotal counts items only; total adds the shipping left to pay (0 without shippingCost).
        var shippingTotal = scratch.HasShipping ? scratch.Shipping - shippingDiscount : 0;
        return new PricingResult(
            items,
            Money.ToDecimal(catalogTotal, exponent),
            Money.ToDecimal(discountTotal, exponent),
            shippingEntries,
            Money.ToDecimal(shippingTotal, exponent),
            Money.ToDecimal(catalogTotal - discountTotal + shippingTotal, exponent),
            BuildRejections(scratch),
            explain ? BuildNotApplied(scratch, catalog) : null);
    }

    private static AppliedDiscount ToAppliedDiscount(EvaluationScratch scratch, AppliedEntry entry, int exponent)
    {
        ref readonly var participant = ref scratch.Participants[entry.Participant];
        var offer = participant.Offer;
        return new AppliedDiscount(
            offer.Source,
            offer.Id,
            participant.Code,
            offer.Name,
            offer.Kind,
            offer.Level,
            participant.Value,
            Money.ToDecimal(entry.Amount, exponent),
            offer.Offer.Exclusive);
    }

    // A44: in couponCodes order. A41: an applied code that took nothing is no_eligible_items; A46: a code outside
    // the winning scenario is exclusive_conflict.
    private static RejectedCoupon[] BuildRejections(EvaluationScratch scratch)
    {
        var count = 0;
        for (var c = 0; c < scratch.CodeCount; c++)
        {
            if (RejectionReason(scratch, c) is not null)
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
        for (var c = 0; c < scratch.CodeCount; c++)
        {
            if (RejectionReason(scratch, c) is { } reason)
            {
                rejected[count++] = new RejectedCoupon(scratch.Codes[c].Code, reason, RejectionMessages.For(reason));
            }
        }

        return rejected;
    }

    private static string? RejectionReason(EvaluationScratch scratch, int codeIndex)
    {
        ref readonly var outcome = ref scratch.Codes[codeIndex];
        if (outcome.Duplicate)
        {
            return null; // A37: dropped silently.
        }

        if (outcome.Participant < 0)
        {
            return outcome.Reason;
        }

        return OutcomeReason(scratch.Participants[outcome.Participant]);
    }

    private static string? OutcomeReason(in Participant participant) =>
        !participant.InWinner ? ReasonCodes.ExclusiveConflict
        : participant.Taken == 0 ? ReasonCodes.NoEligibleItems
        : null;

    // A43, A44: every stored promotion that did not apply, by lower-cased id. This visits every promotion,
    // which is why it is reserved for explain mode.
    private static List<NotAppliedPromotion> BuildNotApplied(EvaluationScratch scratch, PromotionCatalog catalog)
    {
        // Sized for the worst case so the list never grows; it is returned as is, without a copy.
        var report = new List<NotAppliedPromotion>(catalog.PromotionCount);
        foreach (var offer in catalog.PromotionsByLowerId)
        {
            string? reason;
            if (scratch.TryGetParticipant(offer.Index, out var participant))
            {
                reason = OutcomeReason(scratch.Participants[participant]);
            }
            else
            {
                // Not a participant: either a check failed, or no line selected it (A25).
                reason = Eligibility.Check(scratch, offer, null, out _).ReasonCode() ?? ReasonCodes.NoEligibleItems;
            }

            if (reason is not null)
            {
                report.Add(new NotAppliedPromotion(offer.Source, offer.Id, offer.Name, reason));
            }
        }

        return report;
    }
}
