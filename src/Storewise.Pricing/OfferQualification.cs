namespace Storewise.Pricing;

/// <summary>
/// Which promotions (and, when asked, coupons) a cart qualifies for, by the same checks, limits and budgets as
/// <see cref="PricingEngine"/> (docs/pricing-semantics.md, "Qualification"). Pure, like the engine. Promotions are
/// judged in one evaluation of the cart without codes: the saving of an applied one is what it takes in the priced
/// cart. Each coupon that passes its checks is priced as if a code of it were added, and its saving is what it takes
/// there: by its own stage on the already priced cart (<see cref="CouponIncrement"/>), or, for a coupon sharing a
/// stacking group with a promotion, by a full evaluation with the code
/// (docs/decisions/1005-coupon-qualification-by-increment.md).
/// </summary>
public static class OfferQualification
{
    private static readonly IReadOnlyDictionary<string, CouponCodeState> NoCodes = new Dictionary<string, CouponCodeState>(StringComparer.OrdinalIgnoreCase);

    public static QualificationResult Qualify(
        Cart cart, DateTimeOffset evaluatedAt, PromotionCatalog catalog, IReadOnlyDictionary<string, OfferUsage> usage, bool includeCoupons)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(usage);
        var withoutCodes = cart with { CouponCodes = [] };
        var offers = new List<QualifiedOffer>();
        var wanted = new List<string>();
        var fullyPriced = new List<CompiledOffer>();
        var workspace = EvaluationWorkspace.ForCurrentThread();
        try
        {
            var lines = workspace.Lines;
            var exponent = MinorUnits.ClampExponent(CurrencyMinorUnits.GetExponentOrDefault(cart.Currency ?? string.Empty));
            if (!lines.Load(withoutCodes, catalog, exponent))
            {
                return new QualificationResult([], []);
            }

            var context = new EvaluationContext(
                withoutCodes, evaluatedAt, exponent, catalog.CurrencyIds.Find(cart.Currency), lines.CatalogTotalValue, usage, catalog.StoreZone(cart.StoreId), lines);
            var participants = workspace.Participants;
            participants.Begin(catalog.PromotionCount);
            workspace.Candidates.Collect(context, lines, catalog, participants, keepMissedLines: true);
            CouponCodes.Resolve(context, lines, catalog, NoCodes, participants, workspace.Codes);
            RewardTerms.Resolve(context, lines, participants);
            var increment = workspace.Coupons;
            workspace.Scenarios.Run(lines, participants, workspace.Entries, includeCoupons ? increment.Baseline : null);
            JudgePromotions(context, catalog, participants, workspace.Candidates, offers, wanted);
            if (includeCoupons)
            {
                JudgeCoupons(context, catalog, participants, increment, offers, wanted, fullyPriced);
            }
        }
        finally
        {
            workspace.End();
        }

        foreach (var coupon in fullyPriced)
        {
            PriceCoupon(cart, evaluatedAt, catalog, usage, coupon, offers, wanted);
        }

        offers.Sort(BySaving);
        return new QualificationResult(offers, wanted);
    }

    private static void JudgePromotions(
        in EvaluationContext context,
        PromotionCatalog catalog,
        ParticipantSet participants,
        PromotionCandidates candidates,
        List<QualifiedOffer> offers,
        List<string> wanted)
    {
        var now = context.EvaluatedAt.UtcTicks;
        var validTo = catalog.ValidToTicks;
        foreach (var offer in catalog.Promotions)
        {
            // Inactive and ended promotions can never apply again: the dense arrays rule most of them out cheaply.
            if (!offer.Offer.Active || validTo[offer.Index] < now)
            {
                continue;
            }

            string reason;
            if (participants.TryGetPromotion(offer.Index, out var index))
            {
                ref readonly var participant = ref participants[index];
                if (participant.Blocked is null && participant.InWinner && participant.Taken > 0)
                {
                    offers.Add(new QualifiedOffer(offer.Source, offer.Id, offer.Name, MinorUnits.ToDecimal(participant.Taken, context.Exponent), null, null)
                    {
                        Usage = UsageOf(context, offer, wanted),
                    });
                    continue;
                }

                reason = participant.Blocked ?? (participant.InWinner ? ReasonCodes.NoEligibleItems : ReasonCodes.ExclusiveConflict);
            }
            else
            {
                reason = Eligibility.Check(context, offer, null, out _).ReasonCode() ?? ReasonCodes.NoEligibleItems;
            }

            AddNearMiss(context, offer, reason, candidates.LinesThatFound(offer.Index), offers, wanted);
        }
    }

    private static void JudgeCoupons(
        in EvaluationContext context,
        PromotionCatalog catalog,
        ParticipantSet participants,
        CouponIncrement increment,
        List<QualifiedOffer> offers,
        List<string> wanted,
        List<CompiledOffer> fullyPriced)
    {
        // Coupons are not in the catalogue index: every line may count toward their units.
        var allLines = context.Lines!.AllLines;
        var priced = false;
        foreach (var coupon in catalog.Coupons)
        {
            if (!coupon.Offer.Active)
            {
                continue;
            }

            var verdict = Eligibility.Check(context, coupon, null, out _);
            if (verdict == EligibilityVerdict.Eligible)
            {
                // A group or set short of units takes nothing: its hint says so without pricing the cart again.
                if (ResultAssembly.HintFor(context, coupon, ReasonCodes.NoEligibleItems, allLines) is not null)
                {
                    AddNearMiss(context, coupon, ReasonCodes.NoEligibleItems, allLines, offers, wanted);
                }
                else if (CouponIncrement.NeedsFullEvaluation(participants, coupon))
                {
                    fullyPriced.Add(coupon);
                }
                else
                {
                    priced = true;
                    PriceByIncrement(context, participants, increment, coupon, offers, wanted);
                }

                continue;
            }

            AddNearMiss(context, coupon, verdict.ReasonCode()!, allLines, offers, wanted);
        }

        // An evaluation with a code asks for the promotions taking part as well; a full one adds them itself.
        if (priced)
        {
            AddWanted(wanted, UsageReports.Wanted(context, participants));
        }
    }

    // The coupon joins after the promotions as the evaluation with its code would add it, is priced, and leaves again.
    private static void PriceByIncrement(
        in EvaluationContext context, ParticipantSet participants, CouponIncrement increment, CompiledOffer coupon, List<QualifiedOffer> offers, List<string> wanted)
    {
        var lines = context.Lines!;
        var count = participants.Count;
        var lineStart = participants.NextLineStart;
        if (CouponCodes.Join(context, lines, coupon, MadeUpCode(coupon), coupon.Id, 0, participants, out var participant) is null)
        {
            var index = participants.Add(participant);
            RewardTerms.ResolveOne(context, lines, participants, index);
            var taken = increment.Taken(participants, index, lines);
            if (coupon.Offer.HasUsageLimits && participant.Usage is null && !context.Usage.ContainsKey(coupon.Id) && !wanted.Contains(coupon.Id))
            {
                wanted.Add(coupon.Id);
            }

            if (taken > 0)
            {
                offers.Add(new QualifiedOffer(coupon.Source, coupon.Id, coupon.Name, MinorUnits.ToDecimal(taken, context.Exponent), null, null)
                {
                    Usage = CouponUsage(context.Usage, coupon),
                });
            }
        }

        participants.TruncateTo(count, lineStart);
    }

    private static void AddNearMiss(
        in EvaluationContext context, CompiledOffer offer, string reason, ReadOnlySpan<int> mayCount, List<QualifiedOffer> offers, List<string> wanted)
    {
        if (ResultAssembly.HintFor(context, offer, reason, mayCount) is { } hint)
        {
            offers.Add(new QualifiedOffer(offer.Source, offer.Id, offer.Name, MinorUnits.ToDecimal(0, context.Exponent), reason, hint)
            {
                Usage = UsageOf(context, offer, wanted),
            });
        }
    }

    // The coupon's own code is not stored here: a code of the coupon is made up, active and unredeemed, so the
    // per-code limit and single use (which are the code's) play no part; every other check does.
    private static void PriceCoupon(
        Cart cart, DateTimeOffset evaluatedAt, PromotionCatalog catalog, IReadOnlyDictionary<string, OfferUsage> usage, CompiledOffer coupon,
        List<QualifiedOffer> offers, List<string> wanted)
    {
        var codes = new Dictionary<string, CouponCodeState>(1, StringComparer.OrdinalIgnoreCase) { [coupon.Id] = MadeUpCode(coupon) };
        var priced = PricingEngine.Evaluate(cart with { CouponCodes = [coupon.Id] }, evaluatedAt, catalog, codes, usage, explain: false);
        decimal saving = 0;
        foreach (var item in priced.Items)
        {
            saving += CouponTaken(item.Discounts, coupon.Id);
        }

        saving += CouponTaken(priced.ShippingDiscounts, coupon.Id);
        AddWanted(wanted, priced.UsageWanted);
        if (saving > 0)
        {
            offers.Add(new QualifiedOffer(coupon.Source, coupon.Id, coupon.Name, saving, null, null) { Usage = CouponUsage(usage, coupon) });
        }
    }

    private static CouponCodeState MadeUpCode(CompiledOffer coupon) => new(coupon.Id, coupon.Id, Active: true, Redemptions: 0);

    private static OfferUsage? CouponUsage(IReadOnlyDictionary<string, OfferUsage> usage, CompiledOffer coupon) =>
        coupon.Offer.HasUsageLimits && usage.TryGetValue(coupon.Id, out var found) ? found : null;

    private static void AddWanted(List<string> wanted, IReadOnlyList<string> ids)
    {
        foreach (var id in ids)
        {
            if (!wanted.Contains(id))
            {
                wanted.Add(id);
            }
        }
    }

    private static decimal CouponTaken(IReadOnlyList<AppliedDiscount> discounts, string couponId)
    {
        decimal taken = 0;
        foreach (var discount in discounts)
        {
            if (discount.Source == OfferSource.Coupon && string.Equals(discount.Id, couponId, StringComparison.Ordinal))
            {
                taken += discount.Amount;
            }
        }

        return taken;
    }

    private static OfferUsage? UsageOf(in EvaluationContext context, CompiledOffer offer, List<string> wanted)
    {
        if (!offer.Offer.HasUsageLimits)
        {
            return null;
        }

        var state = UsageLimits.Find(context.Usage, offer);
        if (state is null && !wanted.Contains(offer.Id))
        {
            wanted.Add(offer.Id);
        }

        return state;
    }

    private static int BySaving(QualifiedOffer left, QualifiedOffer right)
    {
        var bySaving = right.Saving.CompareTo(left.Saving);
        if (bySaving != 0)
        {
            return bySaving;
        }

        var byApplying = (left.Reason is null ? 0 : 1).CompareTo(right.Reason is null ? 0 : 1);
        return byApplying != 0 ? byApplying : string.CompareOrdinal(left.Id, right.Id);
    }
}
