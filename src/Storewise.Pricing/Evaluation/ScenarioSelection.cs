namespace Storewise.Pricing;

/// <summary>
/// Exclusivity (docs/spec.md §4.6, docs/pricing-rules.md A45–A47): scenario N holds every eligible non-exclusive offer; each eligible exclusive
/// offer forms a scenario alone. The scenario with the best total saving, shipping included, wins; ties go to N,
/// then to the older offer. Only the winner's entries are recorded. Writes each participant's outcome. Before the
/// scenarios, stacking groups keep their best member (docs/pricing-semantics.md, "Stacking groups"); in scenario N, a
/// stopFurther offer stops the lines it discounted (docs/pricing-semantics.md, "Stop further").
/// </summary>
internal sealed class ScenarioSelection
{
    private readonly ScenarioAmounts amounts = new();
    private readonly OfferApplication application = new();

    // Participant indices in the order they apply (docs/spec.md §4.2).
    private int[] sequence = new int[32];

    // Participants whose stacking group was already resolved.
    private bool[] grouped = new bool[32];

    /// <summary>Selects the winning scenario; with <paramref name="baseline"/>, also keeps what pricing one more coupon needs.</summary>
    public void Run(CartLineTable lines, ParticipantSet participants, EntryLog entries, ScenarioBaseline? baseline = null)
    {
        entries.Clear();
        ResolveGroups(lines, participants);
        var ordered = OrderParticipants(lines, participants);
        SelectScenario(lines, participants, entries, ordered, baseline);

        // An added gift is worth no money, so the gifts recorded tell which gift offers applied.
        var all = participants.All;
        foreach (var gift in entries.Gifts)
        {
            all[gift.Participant].Gifted = true;
        }
    }

    private void SelectScenario(CartLineTable lines, ParticipantSet participants, EntryLog entries, ReadOnlySpan<int> ordered, ScenarioBaseline? baseline)
    {
        var all = participants.All;

        // Scenario N, recorded straight away: it wins unless an exclusive offer saves strictly more.
        amounts.Reset(lines);
        long bestSaving = 0;
        foreach (var p in ordered)
        {
            // A promotion held back by a usage limit takes part in no scenario (docs/pricing-semantics.md, "Limits and budgets").
            if (!all[p].Offer.Offer.Exclusive && all[p].Blocked is null)
            {
                var first = entries.Count;
                var taken = application.Apply(participants, p, lines, amounts, entries);
                if (all[p].Offer.StopFurther)
                {
                    amounts.Stop(entries.All[first..]); // docs/pricing-semantics.md, "Stop further"
                }

                all[p].Taken = taken;
                all[p].InWinner = true;
                bestSaving += taken;
            }
        }

        baseline?.KeepScenarioN(amounts, bestSaving);
        var winner = -1;
        foreach (var p in ordered)
        {
            if (!all[p].Offer.Offer.Exclusive || all[p].Blocked is not null)
            {
                continue;
            }

            amounts.Reset(lines);
            var saving = application.Apply(participants, p, lines, amounts, log: null);
            if (saving > bestSaving
                || (saving == bestSaving && winner >= 0 && all[p].Offer.AgeRank < all[winner].Offer.AgeRank))
            {
                bestSaving = saving;
                winner = p;
            }
        }

        if (winner < 0)
        {
            return;
        }

        baseline?.KeepWinner(winner, bestSaving);
        entries.Clear();
        foreach (var p in ordered)
        {
            all[p].Taken = 0;
            all[p].InWinner = false;
        }

        amounts.Reset(lines);
        all[winner].Taken = application.Apply(participants, winner, lines, amounts, entries);
        all[winner].InWinner = true;
    }

    /// <summary>
    /// docs/pricing-semantics.md, "Stacking groups": of the members of one group that take part, the one saving most alone
    /// on the undiscounted cart stays in; ties go to the higher priority, then the older offer (docs/pricing-rules.md A03). The
    /// others are out of every scenario with lost_in_group, before exclusivity is decided.
    /// </summary>
    private void ResolveGroups(CartLineTable lines, ParticipantSet participants)
    {
        var all = participants.All;
        var anyGroup = false;
        foreach (ref readonly var participant in all)
        {
            anyGroup |= participant.Offer.StackingGroup is not null;
        }

        if (!anyGroup)
        {
            return;
        }

        ArrayCapacity.Reserve(ref grouped, all.Length);
        Array.Clear(grouped, 0, all.Length);
        for (var p = 0; p < all.Length; p++)
        {
            var group = all[p].Offer.StackingGroup;
            if (group is null || grouped[p] || all[p].Blocked is not null)
            {
                continue;
            }

            if (!HasRival(all, p, group))
            {
                grouped[p] = true; // alone in its group: nothing to measure
                continue;
            }

            var best = -1;
            long bestSaving = -1;
            for (var q = p; q < all.Length; q++)
            {
                if (grouped[q] || all[q].Blocked is not null || !string.Equals(all[q].Offer.StackingGroup, group, StringComparison.Ordinal))
                {
                    continue;
                }

                grouped[q] = true;
                amounts.Reset(lines);
                var saving = application.Apply(participants, q, lines, amounts, log: null);
                if (best < 0 || saving > bestSaving || (saving == bestSaving && WinsTie(all[q].Offer, all[best].Offer)))
                {
                    if (best >= 0)
                    {
                        all[best].Blocked = ReasonCodes.LostInGroup;
                    }

                    best = q;
                    bestSaving = saving;
                }
                else
                {
                    all[q].Blocked = ReasonCodes.LostInGroup;
                }
            }
        }
    }

    private bool HasRival(ReadOnlySpan<Participant> all, int member, string group)
    {
        for (var q = member + 1; q < all.Length; q++)
        {
            if (!grouped[q] && all[q].Blocked is null && string.Equals(all[q].Offer.StackingGroup, group, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool WinsTie(CompiledOffer challenger, CompiledOffer holder) =>
        challenger.Priority != holder.Priority ? challenger.Priority > holder.Priority : challenger.AgeRank < holder.AgeRank;

    private ReadOnlySpan<int> OrderParticipants(CartLineTable lines, ParticipantSet participants)
    {
        var all = participants.All;
        ArrayCapacity.Reserve(ref sequence, all.Length);
        var ordered = sequence.AsSpan(0, all.Length);
        for (var p = 0; p < all.Length; p++)
        {
            ordered[p] = p;
            if (all[p].Offer.Family == OfferFamily.Bundle)
            {
                // docs/pricing-rules.md A05: a bundle's place depends on what it saves alone on the undiscounted cart.
                amounts.Reset(lines);
                all[p].BundleSaving = application.Apply(participants, p, lines, amounts, log: null);
            }
        }

        IndexSort.Sort(ordered, new SequenceOrder(all));
        return ordered;
    }
}
