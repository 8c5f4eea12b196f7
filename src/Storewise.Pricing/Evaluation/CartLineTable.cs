namespace Storewise.Pricing;

/// <summary>
/// The cart's lines, in request order, and its shipping cost, in minor units. Written only by <see cref="Load"/>;
/// every later stage reads it through read-only spans.
/// </summary>
internal sealed class CartLineTable
{
    private CartItem[] items = new CartItem[16];
    private string[] lineIds = new string[16];
    private string[] productIds = new string[16];
    private long[] catalogAmounts = new long[16];
    private int[] quantities = new int[16];
    private bool[] excluded = new bool[16];
    private IndexEntry[][] productOffers = new IndexEntry[16][];

    // 0, 1, 2, ...: the same for every cart, so filled only when it grows.
    private int[] lineIndices = [];

    public int Count { get; private set; }

    public ReadOnlySpan<CartItem> Items => items.AsSpan(0, Count);

    public ReadOnlySpan<string> LineIds => lineIds.AsSpan(0, Count);

    public ReadOnlySpan<string> ProductIds => productIds.AsSpan(0, Count);

    /// <summary>Price × quantity of each line, before any discount.</summary>
    public ReadOnlySpan<long> CatalogAmounts => catalogAmounts.AsSpan(0, Count);

    public ReadOnlySpan<int> Quantities => quantities.AsSpan(0, Count);

    /// <summary>Lines that never take a discount: globally excluded products (docs/spec.md §1.5, docs/pricing-rules.md A19) and lines with odd data.</summary>
    public ReadOnlySpan<bool> Excluded => excluded.AsSpan(0, Count);

    /// <summary>The promotions indexed by each line's product, latest end first, read with its exclusion in one lookup.</summary>
    public ReadOnlySpan<IndexEntry[]> ProductOffers => productOffers.AsSpan(0, Count);

    /// <summary>The index of every line, in order: the list of lines for a stage that looks at all of them.</summary>
    public ReadOnlySpan<int> AllLines
    {
        get
        {
            if (lineIndices.Length < Count)
            {
                lineIndices = new int[Math.Max(Count, 2 * lineIndices.Length)];
                for (var line = 0; line < lineIndices.Length; line++)
                {
                    lineIndices[line] = line;
                }
            }

            return lineIndices.AsSpan(0, Count);
        }
    }

    public bool HasShipping { get; private set; }

    /// <summary>The shipping cost, 0 without one.</summary>
    public long Shipping { get; private set; }

    /// <summary>The catalog total of every line, excluded ones included, at the cart currency's minor unit (docs/pricing-rules.md A35).</summary>
    public decimal CatalogTotalValue { get; private set; }

    /// <summary>False when the cart is beyond the engine's range (<see cref="MinorUnits.MaxCartMinorUnits"/>).</summary>
    public bool Load(Cart cart, PromotionCatalog catalog, int exponent)
    {
        var cartItems = cart.Items ?? [];
        Count = cartItems.Count;
        ArrayCapacity.Reserve(ref items, Count);
        ArrayCapacity.Reserve(ref lineIds, Count);
        ArrayCapacity.Reserve(ref productIds, Count);
        ArrayCapacity.Reserve(ref catalogAmounts, Count);
        ArrayCapacity.Reserve(ref quantities, Count);
        ArrayCapacity.Reserve(ref excluded, Count);
        ArrayCapacity.Reserve(ref productOffers, Count);

        long catalogTotal = 0;
        var withinRange = true;
        for (var line = 0; line < Count; line++)
        {
            var item = cartItems[line] ?? throw new ArgumentException("Cart items must not be null.", nameof(cart));
            var productId = item.ProductId ?? string.Empty;
            items[line] = item;
            lineIds[line] = item.Id ?? string.Empty;
            productIds[line] = productId;
            quantities[line] = item.Quantity;

            long amount = 0;
            if (MinorUnits.TryToMinor(item.Price, exponent, out var unit) && item.Quantity > 0)
            {
                // One widening multiply: the product fits in 64 bits exactly when the high half is the low half's sign.
                var high = Math.BigMul(unit, item.Quantity, out long lineAmount);
                if (high != lineAmount >> 63 || lineAmount > MinorUnits.MaxCartMinorUnits || lineAmount < -MinorUnits.MaxCartMinorUnits)
                {
                    withinRange = false;
                }
                else
                {
                    amount = lineAmount;
                }
            }
            else if (item.Quantity > 0)
            {
                withinRange = false;
            }

            catalogAmounts[line] = amount;
            catalogTotal += amount;
            if (catalogTotal > MinorUnits.MaxCartMinorUnits)
            {
                withinRange = false;
                catalogTotal = MinorUnits.MaxCartMinorUnits;
            }

            // Lines the service should have refused (quantity < 1, negative price) are priced but never discounted.
            var product = catalog.Product(productId);
            productOffers[line] = product.Offers;
            excluded[line] = product.Excluded || item.Quantity < 1 || amount < 0;
        }

        CatalogTotalValue = MinorUnits.ToDecimal(catalogTotal, exponent);
        HasShipping = cart.ShippingCost.HasValue;
        Shipping = 0;
        if (cart.ShippingCost is { } shipping)
        {
            if (MinorUnits.TryToMinor(shipping, exponent, out var shippingMinor))
            {
                Shipping = Math.Max(0, shippingMinor);
            }
            else
            {
                withinRange = false;
            }
        }

        return withinRange;
    }

    /// <summary>Drops references to the caller's objects so the table does not keep a cart alive.</summary>
    public void Clear()
    {
        Array.Clear(items, 0, Count);
        Array.Clear(lineIds, 0, Count);
        Array.Clear(productIds, 0, Count);
        Array.Clear(productOffers, 0, Count);
        Count = 0;
    }
}
