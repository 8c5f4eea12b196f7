namespace Storewise.Pricing;

/// <summary>
/// The units that count toward an offer's <c>minimumQuantity</c>: those of the lines its targeting selects (product,
/// BOGO and bundle kinds), or of every line that is not excluded (cart and shipping kinds).
/// </summary>
internal static class QualifyingUnits
{
    public static long Count(CompiledOffer offer, CartLineTable lines)
    {
        var excluded = lines.Excluded;
        var quantities = lines.Quantities;
        var productIds = lines.ProductIds;
        var items = lines.Items;
        var cartWide = !OfferKinds.NeedsTargetedLine(offer.Family);
        long units = 0;
        for (var line = 0; line < excluded.Length; line++)
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
