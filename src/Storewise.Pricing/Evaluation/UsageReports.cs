namespace Storewise.Pricing;

/// <summary>What an evaluation tells its caller about the usage state of the limited offers that took part.</summary>
internal static class UsageReports
{
    /// <summary>Ids of limited offers that took part without a usage state (see <see cref="PricingResult.UsageWanted"/>).</summary>
    public static IReadOnlyList<string> Wanted(in EvaluationContext context, ParticipantSet participants)
    {
        List<string>? wanted = null;
        foreach (ref readonly var participant in participants.All)
        {
            var offer = participant.Offer;
            if (offer.Offer.HasUsageLimits && participant.Usage is null && !context.Usage.ContainsKey(offer.Id))
            {
                (wanted ??= []).Add(offer.Id);
            }
        }

        return wanted is null ? [] : wanted;
    }

    /// <summary>
    /// The usage state each limited offer was priced with: participants in their order, then the coupons a usage
    /// limit rejected, in <c>couponCodes</c> order.
    /// </summary>
    public static IReadOnlyList<OfferUsageReport> Given(ParticipantSet participants, CodeOutcomes codes)
    {
        // Most carts meet no limited offer: the list is made only when there is something to report.
        List<OfferUsageReport>? given = null;
        foreach (ref readonly var participant in participants.All)
        {
            if (participant.Usage is { } usage)
            {
                (given ??= []).Add(new OfferUsageReport(participant.Offer.Source, participant.Offer.Id, usage));
            }
        }

        foreach (ref readonly var outcome in codes.All)
        {
            if (outcome.BlockedUsage is { } blocked)
            {
                (given ??= []).Add(blocked);
            }
        }

        return given is null ? [] : given;
    }
}
