namespace Storewise.Pricing;

/// <summary>
/// Applies one participant to the scenario's remaining amounts, by family, capped by <see cref="DiscountCap"/>
/// when the participant has a cap. Owns the working memory of the families that need some, so each application
/// starts from buffers no other stage touches.
/// </summary>
internal sealed class OfferApplication
{
    private readonly BundleDiscount bundles = new();
    private readonly BogoDiscount bogos = new();
    private readonly GiftDiscount gifts = new();
    private readonly LargestRemainderSplit split = new();
    private readonly DiscountCap cap = new();

    /// <summary>Returns the money taken; records entries in <paramref name="log"/> unless it is null.</summary>
    public long Apply(ParticipantSet participants, int participantIndex, CartLineTable lines, ScenarioAmounts amounts, EntryLog? log)
    {
        ref readonly var participant = ref participants[participantIndex];
        var recorder = new EntryRecorder(log, participantIndex);
        if (participant.Cap == UsageLimits.Uncapped)
        {
            return ApplyUncapped(participants, participant, lines, amounts, recorder);
        }

        cap.Begin();
        ApplyUncapped(participants, participant, lines, amounts, new EntryRecorder(cap.Uncapped, participantIndex));
        return cap.Apply(participant.Cap, lines.LineIds, amounts, recorder);
    }

    private long ApplyUncapped(ParticipantSet participants, in Participant participant, CartLineTable lines, ScenarioAmounts amounts, EntryRecorder recorder)
    {
        var targeted = participants.LinesOf(participant);
        return participant.Offer.Family switch
        {
            OfferFamily.Bundle => bundles.Apply(participant, targeted, lines, amounts, split, recorder),
            OfferFamily.Product => ProductDiscount.Apply(participant, targeted, lines.Quantities, amounts.Remaining, recorder),
            OfferFamily.Cart => CartDiscount.Apply(participant, lines, amounts.Remaining, split, recorder),
            OfferFamily.Bogo => bogos.Apply(participant, targeted, lines, amounts, recorder),
            OfferFamily.Gift => gifts.Apply(participant, targeted, lines, amounts, recorder),
            _ => ShippingDiscount.Apply(participant, amounts, recorder),
        };
    }
}
