namespace Storewise.Pricing;

/// <summary>
/// Which promotions (and, when asked, coupons) a cart qualifies for, by the same checks, limits and budgets as
/// <see cref="PricingEngine"/> (docs/pricing-semantics.md, "Qualification"). Pure, like the engine. Promotions are
/// judged in one evaluation of the cart without codes: the saving of an applied one is what it takes in the priced
/// cart. Each coupon that passes its checks is priced once more with a code of it added, and its saving is what it
/// takes there.
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
        var couponsToPrice = new List<CompiledOffer>();
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
            workspace.Candidates.Collect(context, lines, catalog, participants);
            CouponCodes.Resolve(context, lines, catalog, NoCodes, participants, workspace.Codes);
            workspace.Scenarios.Run(lines, participants, workspace.Entries);
            JudgePromotions(context, catalog, participants, offers, wanted);
            if (includeCoupons)
            {
                JudgeCoupons(context, catalog, offers, wanted, couponsToPrice);
            }
        }
        finally
        {
            workspace.End();
        }

        foreach (var coupon in couponsToPrice)
        {
            PriceCoupon(cart, evaluatedAt, catalog, usage, coupon, offers, wanted);
        }

        offers.Sort(BySaving);
        return new QualificationResult(offers, wanted);
    }

    private static void JudgePromotions(
        in EvaluationContext context, PromotionCatalog catalog, ParticipantSet participants, List<QualifiedOffer> offers, List<string> wanted)
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

            AddNearMiss(context, offer, reason, offers, wanted);
        }
    }

    private static void JudgeCoupons(
        in EvaluationContext context, PromotionCatalog catalog, List<QualifiedOffer> offers, List<string> wanted, List<CompiledOffer> couponsToPrice)
    {
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
                if (ResultAssembly.HintFor(context, coupon, ReasonCodes.NoEligibleItems) is null)
                {
                    couponsToPrice.Add(coupon);
                }
                else
                {
                    AddNearMiss(context, coupon, ReasonCodes.NoEligibleItems, offers, wanted);
                }

                continue;
            }

            AddNearMiss(context, coupon, verdict.ReasonCode()!, offers, wanted);
        }
    }

    private static void AddNearMiss(in EvaluationContext context, CompiledOffer offer, string reason, List<QualifiedOffer> offers, List<string> wanted)
    {
        if (ResultAssembly.HintFor(context, offer, reason) is { } hint)
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
        var code = new CouponCodeState(coupon.Id, coupon.Id, Active: true, Redemptions: 0);
        var codes = new Dictionary<string, CouponCodeState>(1, StringComparer.OrdinalIgnoreCase) { [coupon.Id] = code };
        var priced = PricingEngine.Evaluate(cart with { CouponCodes = [coupon.Id] }, evaluatedAt, catalog, codes, usage, explain: false);
        decimal saving = 0;
        foreach (var item in priced.Items)
        {
            saving += CouponTaken(item.Discounts, coupon.Id);
        }

        saving += CouponTaken(priced.ShippingDiscounts, coupon.Id);
        foreach (var id in priced.UsageWanted)
        {
            if (!wanted.Contains(id))
            {
                wanted.Add(id);
            }
        }

        if (saving > 0)
        {
            var state = coupon.Offer.HasUsageLimits && usage.TryGetValue(coupon.Id, out var found) ? found : null;
            offers.Add(new QualifiedOffer(coupon.Source, coupon.Id, coupon.Name, saving, null, null) { Usage = state });
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
