namespace Storewise.Pricing;

/// <summary>FreeShippingPercentage and FreeShippingFixed on the remaining shipping cost (A02, A57).</summary>
internal static class ShippingDiscount
{
    public static long Apply(EvaluationScratch scratch, int participantIndex, bool record)
    {
        ref readonly var participant = ref scratch.Participants[participantIndex];
        var left = scratch.ShippingRemaining;
        if (!scratch.HasShipping || left <= 0)
        {
            return 0; // A41: nothing to take without a shipping cost.
        }

        var amount = participant.Offer.IsPercent
            ? participant.Offer.Rate.Of(left)
            : Math.Min(participant.Amount, left);
        if (amount <= 0)
        {
            return 0;
        }

        scratch.ShippingRemaining = left - amount;
        if (record)
        {
            scratch.Record(participantIndex, -1, amount);
        }

        return amount;
    }
}
