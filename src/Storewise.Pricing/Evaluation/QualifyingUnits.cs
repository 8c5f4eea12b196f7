namespace Storewise.Pricing;

/// <summary>
/// The units that count toward an offer's <c>minimumQuantity</c>: those of the lines its targeting selects (product,
/// BOGO and bundle kinds), or of every line that is not excluded (cart and shipping kinds).
/// </summary>
internal static class QualifyingUnits
{
    public static long Count(CompiledOffer offer, CartLineTable lines) => Count(offer, lines, lines.AllLines);

    /// <summary>
    /// As <see cref="Count(CompiledOffer, CartLineTable)"/>, where the kinds that target lines look only at
    /// <paramref name="mayCount"/>: lines without repeats among which is every line the offer's targeting selects.
    /// </summary>
    public static long Count(CompiledOffer offer, CartLineTable lines, ReadOnlySpan<int> mayCount)
    {
        var excluded = lines.Excluded;
        var quantities = lines.Quantities;
        var productIds = lines.ProductIds;
        var items = lines.Items;
        var cartWide = !OfferKinds.NeedsTargetedLine(offer.Family);
        long units = 0;
        foreach (var line in cartWide ? lines.AllLines : mayCount)
        {
            if (excluded[line])
            {
                continue;
            }

            if (cartWide ? offer.ExcludedProducts is null || !offer.ExcludedProducts.Contains(productIds[line]) : offer.Targets(productIds[line], items[line].Categories))
            {
                units += quantities[line];
            }
        }

        return units;
    }
}
