namespace Storewise.Pricing;

/// <summary>
/// Exclusivity (SPEC 4.6, A45–A47): scenario N holds every eligible non-exclusive offer; each eligible exclusive
/// offer forms a scenario alone. The scenario with the best total saving, shipping included, wins; ties go to N,
/// then to the older offer. Only the winner's entries are recorded.
/// </summary>
internal static class ScenarioSelection
{
    public static void Run(EvaluationScratch scratch)
    {
        OrderParticipants(scratch);
        var sequence = scratch.Sequence.AsSpan(0, scratch.SequenceCount);
        var participants = scratch.Participants;

        // Scenario N, recorded straight away: it wins unless an exclusive offer saves strictly more.
        scratch.ResetAmounts();
        long bestSaving = 0;
        foreach (var p in sequence)
        {
            if (!participants[p].Offer.Offer.Exclusive)
            {
                var taken = OfferApplication.Apply(scratch, p, record: true);
                participants[p].Taken = taken;
                participants[p].InWinner = true;
                bestSaving += taken;
            }
        }

        var winner = -1;
        foreach (var p in sequence)
        {
            if (!participants[p].Offer.Offer.Exclusive)
            {
                continue;
            }

            scratch.ResetAmounts();
            var saving = OfferApplication.Apply(scratch, p, record: false);
            if (saving > bestSaving
                || (saving == bestSaving && winner >= 0 && participants[p].Offer.AgeRank < participants[winner].Offer.AgeRank))
            {
                bestSaving = saving;
                winner = p;
            }
        }

        if (winner < 0)
        {
            return;
        }

        scratch.EntryCount = 0;
        foreach (var p in sequence)
        {
            participants[p].Taken = 0;
            participants[p].InWinner = false;
        }

        scratch.ResetAmounts();
        participants[winner].Taken = OfferApplication.Apply(scratch, winner, record: true);
        participants[winner].InWinner = true;
    }

    private static void OrderParticipants(EvaluationScratch scratch)
    {
        var count = scratch.ParticipantCount;
        for (var p = 0; p < count; p++)
        {
            scratch.Sequence[p] = p;
            if (scratch.Participants[p].Offer.Family == OfferFamily.Bundle)
            {
                // A05: a bundle's place depends on what it saves alone on the undiscounted cart.
                scratch.ResetAmounts();
                scratch.Participants[p].BundleSaving = BundleDiscount.Apply(scratch, p, record: false);
            }
        }

        scratch.SequenceCount = count;
        IndexSort.Sort(scratch.Sequence.AsSpan(0, count), new SequenceOrder(scratch.Participants));
    }
}
