namespace Storewise.Pricing;

/// <summary>FreeShippingPercentage and FreeShippingFixed on the remaining shipping cost (docs/pricing-rules.md A02, A57).</summary>
internal static class ShippingDiscount
{
    public static long Apply(in Participant participant, ScenarioAmounts amounts, EntryRecorder recorder)
    {
        ref var left = ref amounts.ShippingRemaining;
        if (!amounts.HasShipping || left <= 0)
        {
            return 0; // docs/pricing-rules.md A41: nothing to take without a shipping cost.
        }

        var amount = participant.Offer.IsPercent
            ? participant.Offer.Rate.Of(left)
            : Math.Min(participant.Amount, left);
        if (amount <= 0)
        {
            return 0;
        }

        left -= amount;
        recorder.Record(-1, amount);
        return amount;
    }
}
