namespace Storewise.Pricing;

/// <summary>Loads the cart's lines and shipping cost into the scratch, in minor units.</summary>
internal static class CartLines
{
    /// <summary>False when the cart is beyond the engine's range (<see cref="MinorUnits.MaxCartMinorUnits"/>).</summary>
    public static bool Load(EvaluationScratch scratch, Cart cart, PromotionCatalog catalog)
    {
        var exponent = scratch.Exponent;
        long catalogTotal = 0;
        var withinRange = true;
        for (var line = 0; line < scratch.LineCount; line++)
        {
            var item = cart.Items[line] ?? throw new ArgumentException("Cart items must not be null.", nameof(cart));
            var productId = item.ProductId ?? string.Empty;
            scratch.Items[line] = item;
            scratch.LineIds[line] = item.Id ?? string.Empty;
            scratch.ProductIds[line] = productId;
            scratch.Quantity[line] = item.Quantity;

            long amount = 0;
            if (MinorUnits.TryToMinor(item.Price, exponent, out var unit) && item.Quantity > 0)
            {
                var lineAmount = (Int128)unit * item.Quantity;
                if (lineAmount > MinorUnits.MaxCartMinorUnits || lineAmount < -MinorUnits.MaxCartMinorUnits)
                {
                    withinRange = false;
                }
                else
                {
                    amount = (long)lineAmount;
                }
            }
            else if (item.Quantity > 0)
            {
                withinRange = false;
            }

            scratch.Catalog[line] = amount;
            catalogTotal += amount;
            if (catalogTotal > MinorUnits.MaxCartMinorUnits)
            {
                withinRange = false;
                catalogTotal = MinorUnits.MaxCartMinorUnits;
            }

            // Lines the service should have refused (quantity < 1, negative price) are priced but never discounted.
            scratch.Excluded[line] = catalog.IsGloballyExcluded(productId) || item.Quantity < 1 || amount < 0;
        }

        scratch.CatalogTotalValue = MinorUnits.ToDecimal(catalogTotal, exponent);
        scratch.HasShipping = cart.ShippingCost.HasValue;
        scratch.Shipping = 0;
        if (cart.ShippingCost is { } shipping)
        {
            if (MinorUnits.TryToMinor(shipping, exponent, out var shippingMinor))
            {
                scratch.Shipping = Math.Max(0, shippingMinor);
            }
            else
            {
                withinRange = false;
            }
        }

        scratch.ResetAmounts();
        return withinRange;
    }
}
