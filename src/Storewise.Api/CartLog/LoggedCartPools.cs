namespace Storewise.Api.CartLog;

/// <summary>
/// What a replay reads once and shares between the carts it reads (docs/decisions/0711-compact-cart-log.md): short
/// texts (currencies, channels, stores, attributes, category names) and lines' product parts (product id, category paths
/// and name). Customer ids and codes are not pooled (most are seen once), nor line ids (a look-up costs more than the short text). The shared objects are never changed.
/// </summary>
public sealed class LoggedCartPools
{
    // Enough for a large catalogue's products in use and every store; a few tens of MB at most.
    private const int TextCapacity = 16_384;
    private const int ProductCapacity = 65_536;

    private readonly BytePool<LoggedProduct> _products = new(ProductCapacity);

    public TextPool Texts { get; } = new(TextCapacity);

    public LoggedProduct Product(ReadOnlySpan<byte> part)
    {
        if (!_products.TryGet(part, out var product))
        {
            product = CompactCart.ReadProduct(part, Texts);
            _products.Add(part, product);
        }

        return product;
    }
}
