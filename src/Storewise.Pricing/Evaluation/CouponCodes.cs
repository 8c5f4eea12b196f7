namespace Storewise.Pricing;

/// <summary>
/// Turns the submitted coupon codes, in couponCodes order, into participants or rejections: duplicates are
/// dropped silently (docs/pricing-rules.md A37), a coupon applies once per cart (docs/pricing-rules.md A38), and in legacy mode only the first valid code
/// takes part (docs/pricing-rules.md A48, A49).
/// </summary>
internal static class CouponCodes
{
    public static void Resolve(
        in EvaluationContext context,
        CartLineTable lines,
        PromotionCatalog catalog,
        IReadOnlyDictionary<string, CouponCodeState>? codes,
        ParticipantSet participants,
        CodeOutcomes outcomes)
    {
        outcomes.Clear();
        var submitted = context.Cart.CouponCodes;
        if (submitted is null)
        {
            return;
        }

        var chosenAny = false;
        for (var position = 0; position < submitted.Count; position++)
        {
            var text = submitted[position] ?? string.Empty;
            ref var outcome = ref outcomes.Add();
            outcome.Code = text;
            outcome.Participant = -1;
            if (IsRepeat(submitted, position, text))
            {
                outcome.Duplicate = true;
                continue;
            }

            var reason = Check(context, lines, catalog, codes, participants, text, position, out var participant);
            if (participant.Blocked is not null && participant.Usage is { } usage)
            {
                outcome.BlockedUsage = new OfferUsageReport(OfferSource.Coupon, participant.Offer.Id, usage);
            }

            if (reason is null)
            {
                if (!catalog.StackableCoupons && chosenAny)
                {
                    reason = ReasonCodes.StackingDisabled; // docs/pricing-rules.md A49: only valid later codes.
                }
                else if (IsCouponAlreadyChosen(participants, participant.Offer))
                {
                    reason = ReasonCodes.CouponAlreadyApplied; // docs/pricing-rules.md A38, A50.
                }
                else
                {
                    chosenAny = true;
                    outcome.Participant = participants.Add(participant);
                    continue;
                }
            }

            outcome.Reason = reason;
        }
    }

    // docs/pricing-rules.md A37: the same code twice (compared case-insensitively) counts once.
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
        in EvaluationContext context,
        CartLineTable lines,
        PromotionCatalog catalog,
        IReadOnlyDictionary<string, CouponCodeState>? codes,
        ParticipantSet participants,
        string text,
        int position,
        out Participant participant)
    {
        participant = default;
        // docs/pricing-rules.md A34: a missing code, or a code whose coupon no longer exists, is not_found.
        if (codes is null || text.Length == 0 || !codes.TryGetValue(text, out var state) || state is null)
        {
            return ReasonCodes.NotFound;
        }

        var coupon = catalog.FindCompiledCoupon(state.CouponId);
        if (coupon is null)
        {
            return ReasonCodes.NotFound;
        }

        return Join(context, lines, coupon, state, text, position, participants, out participant);
    }

    /// <summary>
    /// The checks of one code of a known coupon: null when it may take part, with <paramref name="participant"/> made
    /// (not yet added) and its targeted lines added to <paramref name="participants"/>; otherwise the reason.
    /// </summary>
    internal static string? Join(
        in EvaluationContext context,
        CartLineTable lines,
        CompiledOffer coupon,
        CouponCodeState state,
        string text,
        int position,
        ParticipantSet participants,
        out Participant participant)
    {
        participant = default;
        var verdict = Eligibility.Check(context, coupon, state, out var terms);
        if (verdict != EligibilityVerdict.Eligible)
        {
            return verdict.ReasonCode();
        }

        var lineStart = participants.NextLineStart;
        if (coupon.NeedsTargetedLine)
        {
            var excluded = lines.Excluded;
            var productIds = lines.ProductIds;
            var items = lines.Items;
            for (var line = 0; line < excluded.Length; line++)
            {
                if (!excluded[line] && coupon.Targets(productIds[line], items[line].Categories))
                {
                    participants.AddLine(line);
                }
            }

            if (participants.NextLineStart == lineStart)
            {
                return ReasonCodes.NoEligibleItems; // docs/pricing-rules.md A25.
            }
        }

        participant = ParticipantFactory.Create(context, coupon, terms, state, text, position, lineStart, participants.NextLineStart - lineStart);
        if (participant.Blocked is { } limit)
        {
            // A coupon out of uses is rejected, not chosen: it must not stop a later code in legacy mode (docs/pricing-rules.md A49).
            return limit;
        }

        return null;
    }

    private static bool IsCouponAlreadyChosen(ParticipantSet participants, CompiledOffer coupon)
    {
        foreach (ref readonly var participant in participants.All)
        {
            if (ReferenceEquals(participant.Offer, coupon))
            {
                return true;
            }
        }

        return false;
    }
}
