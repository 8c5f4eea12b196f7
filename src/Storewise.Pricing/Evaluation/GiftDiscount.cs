namespace Storewise.Pricing;

/// <summary>
/// FreeGift (docs/pricing-semantics.md, "Gifts"): once per cart, or once per complete <c>buy</c> group up to
/// <c>maxApplications</c>, each gift product is given. Units of it the cart already holds are discounted to zero,
/// cheapest first (docs/pricing-rules.md A16, A18); the rest is recorded as added items at price 0. A gift product never
/// counts towards its own offer's buy set, and added items are no lines, so they count in no threshold.
/// </summary>
internal sealed class GiftDiscount
{
    private int[] giftLines = new int[16];

    public long Apply(in Participant participant, ReadOnlySpan<int> targeted, CartLineTable lines, ScenarioAmounts amounts, EntryRecorder recorder)
    {
        var offer = participant.Offer;
        var gifts = offer.Gifts;
        var applications = Applications(offer, targeted, lines, amounts.Stopped);
        if (gifts.Length == 0 || applications == 0)
        {
            return 0;
        }

        var remaining = amounts.Remaining;
        var quantities = lines.Quantities;
        long taken = 0;
        for (var g = 0; g < gifts.Length; g++)
        {
            var need = Math.Min((long)gifts[g].Quantity * applications, int.MaxValue);
            var inCart = LinesOf(gifts[g].ProductId, lines, amounts.Stopped);
            IndexSort.Sort(inCart, new CheapestUnitOrder(remaining, quantities, lines.LineIds));
            foreach (var line in inCart)
            {
                if (need == 0)
                {
                    break;
                }

                var units = Math.Min(quantities[line], need);
                need -= units;
                var amount = MinorUnits.ValueOfPart(remaining[line], units, quantities[line]);
                if (amount > 0)
                {
                    remaining[line] -= amount;
                    taken += amount;
                    recorder.Record(line, amount);
                }
            }

            if (need > 0)
            {
                recorder.RecordGift(g, (int)need);
            }
        }

        return taken;
    }

    private static long Applications(CompiledOffer offer, ReadOnlySpan<int> targeted, CartLineTable lines, ReadOnlySpan<bool> stopped)
    {
        if (offer.Buy is not { } buySet)
        {
            return 1;
        }

        var productIds = lines.ProductIds;
        var items = lines.Items;
        var quantities = lines.Quantities;
        long units = 0;
        foreach (var line in targeted)
        {
            if (!stopped[line] && !IsGift(offer, productIds[line]) && buySet.Matches(productIds[line], items[line].Categories))
            {
                units += quantities[line];
            }
        }

        return Math.Min(units / buySet.Quantity, offer.MaxApplications);
    }

    internal static bool IsGift(CompiledOffer offer, string productId)
    {
        foreach (var gift in offer.Gifts)
        {
            if (string.Equals(gift.ProductId, productId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Lines of the gift product that may still be discounted: not globally excluded, not stopped.
    private Span<int> LinesOf(string productId, CartLineTable lines, ReadOnlySpan<bool> stopped)
    {
        ArrayCapacity.Reserve(ref giftLines, lines.Count);
        var productIds = lines.ProductIds;
        var excluded = lines.Excluded;
        var count = 0;
        for (var line = 0; line < productIds.Length; line++)
        {
            if (!excluded[line] && !stopped[line] && string.Equals(productIds[line], productId, StringComparison.Ordinal))
            {
                giftLines[count++] = line;
            }
        }

        return giftLines.AsSpan(0, count);
    }
}
