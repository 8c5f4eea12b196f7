namespace Storewise.Pricing;

/// <summary>
/// BogoPercentage and BogoFixed. Of all qualifying units, groups × get of the cheapest are discounted (docs/pricing-rules.md A15),
/// measured on their remaining value with zero-valued units cheapest (docs/pricing-rules.md A16), ties to the smaller line id (docs/pricing-rules.md A18).
/// With <c>buy</c> and <c>get</c> sets, the given units come from the get set and the bought ones from the buy set, never
/// the same unit twice (docs/pricing-semantics.md, "Buy from one set, get from another"). <c>getOrder</c> may give the
/// most expensive units instead, and <c>maxApplications</c> bounds the groups.
/// </summary>
internal sealed class BogoDiscount
{
    // The usable targeted lines, cheapest unit first (or most expensive first).
    private int[] order = new int[16];

    // Two sets: the get lines in the order they are given, and which lines belong to the buy set, by line.
    private int[] getLines = new int[16];
    private bool[] inBuy = new bool[16];

    public long Apply(in Participant participant, ReadOnlySpan<int> targeted, CartLineTable lines, ScenarioAmounts amounts, EntryRecorder recorder)
    {
        var compiled = participant.Offer;
        if (compiled.Buy is not null && compiled.Get is not null)
        {
            return ApplyTwoSets(participant, targeted, lines, amounts, recorder);
        }

        var offer = compiled.Offer;
        var buy = offer.BuyQuantity;
        var get = offer.GetQuantity;
        if (buy < 1 || get < 1 || targeted.Length == 0)
        {
            return 0;
        }

        var quantities = lines.Quantities;
        var usable = Usable(targeted, amounts);
        long units = 0;
        foreach (var line in usable)
        {
            units += quantities[line];
        }

        var groups = Math.Min(units / ((long)buy + get), compiled.MaxApplications);
        var toDiscount = groups * get;
        if (toDiscount == 0)
        {
            return 0;
        }

        SortForGiving(compiled, usable, lines, amounts.Remaining);
        return Discount(participant, usable, toDiscount, quantities, amounts.Remaining, recorder);
    }

    private long ApplyTwoSets(in Participant participant, ReadOnlySpan<int> targeted, CartLineTable lines, ScenarioAmounts amounts, EntryRecorder recorder)
    {
        var compiled = participant.Offer;
        var buySet = compiled.Buy!;
        var getSet = compiled.Get!;
        var quantities = lines.Quantities;
        var productIds = lines.ProductIds;
        var items = lines.Items;
        var usable = Usable(targeted, amounts);
        ArrayCapacity.Reserve(ref getLines, usable.Length);
        ArrayCapacity.Reserve(ref inBuy, lines.Count);
        long buyUnits = 0;
        long getUnits = 0;
        var getCount = 0;
        foreach (var line in usable)
        {
            var categories = items[line].Categories;
            inBuy[line] = buySet.Matches(productIds[line], categories);
            if (inBuy[line])
            {
                buyUnits += quantities[line];
            }

            if (getSet.Matches(productIds[line], categories))
            {
                getLines[getCount++] = line;
                getUnits += quantities[line];
            }
        }

        var given = getLines.AsSpan(0, getCount);
        SortForGiving(compiled, given, lines, amounts.Remaining);

        // The most applications n such that the n × get first units of the get set leave n × buy units of the buy
        // set. The given units of n - 1 applications are a prefix of those of n, so feasibility falls with n.
        long low = 0;
        var high = Math.Min(Math.Min(getUnits / getSet.Quantity, buyUnits / buySet.Quantity), compiled.MaxApplications);
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            if (LeavesEnoughToBuy(given, quantities, middle * getSet.Quantity, buyUnits, middle * buySet.Quantity))
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        foreach (var line in usable)
        {
            inBuy[line] = false;
        }

        return low == 0 ? 0 : Discount(participant, given, low * getSet.Quantity, quantities, amounts.Remaining, recorder);
    }

    private bool LeavesEnoughToBuy(ReadOnlySpan<int> given, ReadOnlySpan<int> quantities, long toGive, long buyUnits, long toBuy)
    {
        long boughtUnitsGiven = 0;
        for (var k = 0; k < given.Length && toGive > 0; k++)
        {
            var line = given[k];
            var units = Math.Min(quantities[line], toGive);
            toGive -= units;
            if (inBuy[line])
            {
                boughtUnitsGiven += units;
            }
        }

        return toGive == 0 && buyUnits - boughtUnitsGiven >= toBuy;
    }

    // The targeted lines later offers may still discount (docs/pricing-semantics.md, "Stop further"), copied into the order buffer.
    private Span<int> Usable(ReadOnlySpan<int> targeted, ScenarioAmounts amounts)
    {
        ArrayCapacity.Reserve(ref order, targeted.Length);
        if (!amounts.AnyStopped)
        {
            targeted.CopyTo(order);
            return order.AsSpan(0, targeted.Length);
        }

        var stopped = amounts.Stopped;
        var count = 0;
        foreach (var line in targeted)
        {
            if (!stopped[line])
            {
                order[count++] = line;
            }
        }

        return order.AsSpan(0, count);
    }

    private static void SortForGiving(CompiledOffer offer, Span<int> lineOrder, CartLineTable lines, ReadOnlySpan<long> remaining)
    {
        if (offer.GetMostExpensive)
        {
            IndexSort.Sort(lineOrder, new MostExpensiveUnitOrder(remaining, lines.Quantities, lines.LineIds));
        }
        else
        {
            IndexSort.Sort(lineOrder, new CheapestUnitOrder(remaining, lines.Quantities, lines.LineIds));
        }
    }

    private static long Discount(in Participant participant, ReadOnlySpan<int> lineOrder, long toDiscount, ReadOnlySpan<int> quantities, Span<long> remaining, EntryRecorder recorder)
    {
        long taken = 0;
        for (var k = 0; k < lineOrder.Length && toDiscount > 0; k++)
        {
            var line = lineOrder[k];
            var quantity = quantities[line];
            var discounted = (int)Math.Min(quantity, toDiscount);
            toDiscount -= discounted;
            var left = remaining[line];
            if (left <= 0)
            {
                continue;
            }

            // Percent: rounded once per line on the discounted units' value. Fixed (docs/pricing-rules.md A17): per discounted unit,
            // capped at the unit's value (the line average, docs/pricing-rules.md A11).
            var amount = participant.Offer.IsPercent
                ? participant.Offer.Rate.OfPart(left, discounted, quantity)
                : MinorUnits.TimesCapped(participant.Amount, discounted, MinorUnits.ValueOfPart(left, discounted, quantity));
            if (amount <= 0)
            {
                continue;
            }

            remaining[line] = left - amount;
            taken += amount;
            recorder.Record(line, amount);
        }

        return taken;
    }
}
