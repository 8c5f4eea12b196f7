namespace Storewise.Pricing;

/// <summary>
/// What one code of a coupon, added to a cart already evaluated without codes, makes that coupon take, without
/// evaluating the cart again (docs/decisions/1005-coupon-qualification-by-increment.md). Every promotion applies
/// before every coupon (docs/pricing-rules.md A01), so a lone code changes nothing the promotions do before its own
/// stage. A non-exclusive coupon takes what its stage takes from the amounts scenario N left, unless an exclusive
/// scenario still saves more than scenario N with it (docs/pricing-rules.md A45–A47); an exclusive coupon takes what
/// it saves alone when that beats the winning scenario, or ties it and is older than the exclusive winner. The one
/// way a coupon reaches back into the promotions is a stacking group it shares with one of them: such a coupon is
/// priced by a full evaluation instead (<see cref="NeedsFullEvaluation"/>).
/// </summary>
internal sealed class CouponIncrement
{
    private readonly ScenarioAmounts amounts = new();
    private readonly OfferApplication application = new();

    /// <summary>Filled by <see cref="ScenarioSelection.Run"/> on the evaluation without codes.</summary>
    public ScenarioBaseline Baseline { get; } = new();

    /// <summary>
    /// Whether the coupon shares a stacking group with a promotion taking part: the group is then decided with the
    /// coupon in it (docs/pricing-semantics.md, "Stacking groups"), which can take a promotion out.
    /// </summary>
    public static bool NeedsFullEvaluation(ParticipantSet participants, CompiledOffer coupon)
    {
        if (coupon.StackingGroup is not { } group)
        {
            return false;
        }

        foreach (ref readonly var participant in participants.All)
        {
            if (string.Equals(participant.Offer.StackingGroup, group, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The money participant <paramref name="coupon"/> (added after the promotions, not blocked) takes in the winning scenario.</summary>
    public long Taken(ParticipantSet participants, int coupon, CartLineTable lines)
    {
        ref readonly var participant = ref participants[coupon];
        if (participant.Offer.Offer.Exclusive)
        {
            // Its scenario is measured last, on the undiscounted cart, against the best one before it.
            amounts.Reset(lines);
            var alone = application.Apply(participants, coupon, lines, amounts, log: null);
            var winner = Baseline.ExclusiveWinner;
            var wins = alone > Baseline.WinningSaving
                || (alone == Baseline.WinningSaving && winner >= 0 && participant.Offer.AgeRank < participants[winner].Offer.AgeRank);
            return wins ? alone : 0;
        }

        Baseline.AfterScenarioN.CopyTo(amounts);
        var taken = application.Apply(participants, coupon, lines, amounts, log: null);

        // Scenario N now saves more by what the coupon took; an exclusive scenario wins only by saving strictly more.
        return Baseline.ScenarioNSaving + taken >= Baseline.WinningSaving ? taken : 0;
    }
}
