namespace Storewise.Pricing;

/// <summary>
/// Turns the submitted coupon codes, in couponCodes order, into participants or rejections: duplicates are
/// dropped silently (A37), a coupon applies once per cart (A38), and in legacy mode only the first valid code
/// takes part (A48, A49).
/// </summary>
internal static class CouponCodes
{
    public static void Resolve(
        EvaluationScratch scratch,
        PromotionCatalog catalog,
        IReadOnlyDictionary<string, CouponCodeState>? codes)
    {
        var submitted = scratch.Cart.CouponCodes;
        if (submitted is null)
        {
            return;
        }

        var chosenAny = false;
        for (var position = 0; position < submitted.Count; position++)
        {
            var text = submitted[position] ?? string.Empty;
            ref var outcome = ref scratch.AddCode();
            outcome.Code = text;
            outcome.Participant = -1;
            if (IsRepeat(submitted, position, text))
            {
                outcome.Duplicate = true;
                continue;
            }

            var reason = Check(scratch, catalog, codes, text, position, out var participant);
            if (reason is null)
            {
                if (!catalog.StackableCoupons && chosenAny)
                {
                    reason = ReasonCodes.StackingDisabled; // A49: only valid later codes.
                }
                else if (IsCouponAlreadyChosen(scratch, participant.Offer))
                {
                    reason = ReasonCodes.CouponAlreadyApplied; // A38, A50.
                }
                else
                {
                    chosenAny = true;
                    outcome.Participant = scratch.AddParticipant(participant);
                    continue;
                }
            }

            outcome.Reason = reason;
        }
    }

    // A37: the same code twice (compared case-insensitively) counts once.
    private static bool IsRepeat(IReadOnlyList<string> submitted, int position, string text)
    {
        for (var earlier = 0; earlier < position; earlier++)
        {
            if (string.Equals(submitted[earlier] ?? string.Empty, text, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Check(
        EvaluationScratch scratch,
        PromotionCatalog catalog,
        IReadOnlyDictionary<string, CouponCodeState>? codes,
        string text,
        int position,
        out Participant participant)
    {
        participant = default;
        // A34: a missing code, or a code whose coupon no longer exists, is not_found.
        if (codes is null || text.Length == 0 || !codes.TryGetValue(text, out var state) || state is null)
        {
            return ReasonCodes.NotFound;
        }

        var coupon = catalog.FindCompiledCoupon(state.CouponId);
        if (coupon is null)
        {
            return ReasonCodes.NotFound;
        }

        var verdict = Eligibility.Check(scratch, coupon, state, out var terms);
        if (verdict != EligibilityVerdict.Eligible)
        {
            return verdict.ReasonCode();
        }

        var lineStart = scratch.ParticipantLineCount;
        if (OfferKinds.NeedsTargetedLine(coupon.Family))
        {
            for (var line = 0; line < scratch.LineCount; line++)
            {
                if (!scratch.Excluded[line] && coupon.Targets(scratch.ProductIds[line], scratch.Items[line].Categories))
                {
                    scratch.AddParticipantLine(line);
                }
            }

            if (scratch.ParticipantLineCount == lineStart)
            {
                return ReasonCodes.NoEligibleItems; // A25.
            }
        }

        participant = ParticipantFactory.Create(coupon, terms, text, position, lineStart, scratch.ParticipantLineCount - lineStart);
        return null;
    }

    private static bool IsCouponAlreadyChosen(EvaluationScratch scratch, CompiledOffer coupon)
    {
        for (var p = 0; p < scratch.ParticipantCount; p++)
        {
            if (ReferenceEquals(scratch.Participants[p].Offer, coupon))
            {
                return true;
            }
        }

        return false;
    }
}
