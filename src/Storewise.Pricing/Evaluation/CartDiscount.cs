namespace Storewise.Pricing;

/// <summary>CartLevelPercentage and CartLevelFixed, spread over the lines by largest remainder.</summary>
internal static class CartDiscount
{
    public static long Apply(in Participant participant, CartLineTable lines, Span<long> remaining, LargestRemainderSplit split, EntryRecorder recorder)
    {
        var offer = participant.Offer;
        var excluded = lines.Excluded;

        // The proration base: every line not globally excluded, weighted by its remaining amount (docs/spec.md §4.3, docs/pricing-rules.md A09).
        split.Begin(lines.Count);
        long eligibleTotal = 0;
        for (var line = 0; line < excluded.Length; line++)
        {
            if (excluded[line] || remaining[line] <= 0)
            {
                continue;
            }

            split.Add(line, remaining[line]);
            eligibleTotal += remaining[line];
        }

        if (eligibleTotal <= 0)
        {
            return 0;
        }

        // docs/pricing-rules.md A06: a percentage is taken of the eligible remaining total and rounded once; a fixed amount is capped by it.
        var discount = offer.IsPercent
            ? participant.Rate.Of(eligibleTotal)
            : Math.Min(participant.Amount, eligibleTotal);
        if (discount <= 0)
        {
            return 0;
        }

        split.Allocate(discount, lines.LineIds);
        var shares = split.Shares;
        var shareLines = split.Lines;
        for (var j = 0; j < shares.Length; j++)
        {
            var share = shares[j];
            if (share <= 0)
            {
                continue; // docs/pricing-rules.md A42: zero shares get no entry.
            }

            var line = shareLines[j];
            remaining[line] -= share;
            recorder.Record(line, share);
        }

        return discount;
    }
}
