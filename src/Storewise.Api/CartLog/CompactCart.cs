using System.Buffers;
using System.Collections.ObjectModel;
using System.Text;

namespace Storewise.Api.CartLog;

/// <summary>
/// The compact form of a logged cart (docs/decisions/0711-compact-cart-log.md): a version byte, then the cart's
/// values in a fixed order, each text as its UTF-8 bytes after its length, numbers as digits of printable ASCII.
/// Every byte is valid UTF-8 text and none is NUL, so the form goes in the same TEXT column as the JSON one on both
/// providers; rows logged as JSON start with <c>{</c> and are still read as JSON.
/// </summary>
/// <remarks>
/// After the version: a flags number (which of the request's instant, customer, channel, store, shop, locale and
/// shipping follow), the instant, the currency, the coupon codes (a count, then each; early, so a page's codes are
/// read without reading its lines), the other flagged values, the customer attributes (a count, then key and value),
/// and the lines (a count, then each line's id, quantity, price, product id, category paths (a count, then each
/// path's count and names) and name (0 for none, else its length plus one)).
/// </remarks>
public static class CompactCart
{
    public const byte Version = 0x01;

    private const int HasCustomer = 1, HasChannel = 2, HasStore = 4, HasShop = 8, HasLocale = 16, HasShipping = 32, HasAt = 64;

    /// <summary>
    /// Writes <paramref name="cart"/> to <paramref name="output"/> (cleared first); false, with nothing usable written,
    /// when a text of the cart cannot be stored this way (a NUL character or a lone surrogate): such a cart is stored as JSON.
    /// </summary>
    public static bool TryWrite(Pricing.Cart cart, long? at, ArrayBufferWriter<byte> output)
    {
        output.ResetWrittenCount();
        var flags = (cart.CustomerId is null ? 0 : HasCustomer) | (cart.ChannelType is null ? 0 : HasChannel) | (cart.StoreId is null ? 0 : HasStore)
            | (cart.ShopId is null ? 0 : HasShop) | (cart.Locale is null ? 0 : HasLocale) | (cart.ShippingCost is null ? 0 : HasShipping) | (at is null ? 0 : HasAt);
        output.GetSpan(1)[0] = Version;
        output.Advance(1);
        CompactNumbers.Write(output, (ulong)flags);
        if (at is { } instant)
        {
            CompactNumbers.WriteSigned(output, instant);
        }

        var ok = CompactNumbers.TryWriteText(output, cart.Currency);
        // Loops by index: a foreach over these read-only lists would allocate an enumerator per list, per cart and line.
        var codes = cart.CouponCodes;
        CompactNumbers.Write(output, (ulong)codes.Count);
        for (var c = 0; c < codes.Count; c++)
        {
            ok &= CompactNumbers.TryWriteText(output, codes[c]);
        }

        foreach (var value in (ReadOnlySpan<string?>)[cart.CustomerId, cart.ChannelType, cart.StoreId, cart.ShopId, cart.Locale])
        {
            ok &= value is null || CompactNumbers.TryWriteText(output, value);
        }

        if (cart.ShippingCost is { } shipping)
        {
            CompactNumbers.WriteDecimal(output, shipping);
        }

        var attributes = cart.CustomerAttributes ?? ReadOnlyDictionary<string, string>.Empty;
        CompactNumbers.Write(output, (ulong)attributes.Count);
        foreach (var (key, value) in attributes)
        {
            ok &= CompactNumbers.TryWriteText(output, key) && CompactNumbers.TryWriteText(output, value);
        }

        var items = cart.Items;
        CompactNumbers.Write(output, (ulong)items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            ok &= CompactNumbers.TryWriteText(output, item.Id);
            CompactNumbers.WriteSigned(output, item.Quantity);
            CompactNumbers.WriteDecimal(output, item.Price);
            ok &= CompactNumbers.TryWriteText(output, item.ProductId);
            var paths = item.Categories;
            CompactNumbers.Write(output, (ulong)paths.Count);
            for (var p = 0; p < paths.Count; p++)
            {
                var path = paths[p];
                CompactNumbers.Write(output, (ulong)path.Count);
                for (var n = 0; n < path.Count; n++)
                {
                    ok &= CompactNumbers.TryWriteText(output, path[n]);
                }
            }

            // 0 for no name, else the name's length plus one.
            ok &= item.Name is null ? Zero(output) : CompactNumbers.TryWriteText(output, item.Name, plusOne: true);
        }

        return ok;
    }

    /// <summary>Whether <paramref name="stored"/> is in this form (else it is the JSON one).</summary>
    public static bool Is(ReadOnlySpan<byte> stored) => stored.Length > 0 && stored[0] == Version;

    /// <summary>Adds the coupon codes of a stored cart in this form to <paramref name="codes"/>, reading nothing after them.</summary>
    public static void ReadCodes(ReadOnlySpan<byte> stored, List<string> codes)
    {
        var reader = new CompactReader(stored, 1);
        if (((int)reader.Number() & HasAt) != 0)
        {
            reader.Signed();
        }

        reader.Skip(reader.Length());
        for (var count = reader.Length(); count > 0; count--)
        {
            codes.Add(reader.Text());
        }
    }

    /// <summary>Reads a stored cart in this form; the short texts come from <paramref name="texts"/> when given.</summary>
    public static LoggedCart Read(ReadOnlySpan<byte> stored, TextPool? texts)
    {
        var reader = new CompactReader(stored, 1);
        var flags = (int)reader.Number();
        long? at = (flags & HasAt) == 0 ? null : reader.Signed();
        var cart = new Pricing.Cart
        {
            Currency = reader.Text(texts),
            CouponCodes = ReadCodes(ref reader),
            CustomerId = (flags & HasCustomer) == 0 ? null : reader.Text(),
            ChannelType = (flags & HasChannel) == 0 ? null : reader.Text(texts),
            StoreId = (flags & HasStore) == 0 ? null : reader.Text(texts),
            ShopId = (flags & HasShop) == 0 ? null : reader.Text(texts),
            Locale = (flags & HasLocale) == 0 ? null : reader.Text(texts),
            ShippingCost = (flags & HasShipping) == 0 ? null : reader.Decimal(),
            CustomerAttributes = ReadAttributes(ref reader, texts),
            Items = ReadItems(ref reader, texts),
        };
        reader.End();
        return new LoggedCart(cart, at);
    }

    private static IReadOnlyDictionary<string, string> ReadAttributes(ref CompactReader reader, TextPool? texts)
    {
        var count = reader.Length();
        if (count == 0)
        {
            return ReadOnlyDictionary<string, string>.Empty;
        }

        var attributes = new Dictionary<string, string>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = reader.Text(texts);
            attributes[key] = reader.Text(texts);
        }

        return attributes;
    }

    private static Pricing.CartItem[] ReadItems(ref CompactReader reader, TextPool? texts)
    {
        var items = new Pricing.CartItem[reader.Length()];
        for (var i = 0; i < items.Length; i++)
        {
            var id = reader.Text();
            var quantity = reader.Int32();
            var price = reader.Decimal();
            var product = reader.Text();
            IReadOnlyList<IReadOnlyList<string>> categories = [];
            var pathCount = reader.Length();
            if (pathCount > 0)
            {
                var paths = new IReadOnlyList<string>[pathCount];
                for (var p = 0; p < paths.Length; p++)
                {
                    var segments = new string[reader.Length()];
                    for (var s = 0; s < segments.Length; s++)
                    {
                        segments[s] = reader.Text(texts);
                    }

                    paths[p] = segments;
                }

                categories = paths;
            }

            var nameLength = reader.Number();
            var name = nameLength == 0 ? null : Encoding.UTF8.GetString(reader.Bytes((int)Math.Min(nameLength - 1, int.MaxValue)));
            items[i] = new Pricing.CartItem(id, product, quantity, price, categories, name);
        }

        return items;
    }

    private static string[] ReadCodes(ref CompactReader reader)
    {
        var count = reader.Length();
        if (count == 0)
        {
            return [];
        }

        var codes = new string[count];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = reader.Text();
        }

        return codes;
    }

    private static bool Zero(ArrayBufferWriter<byte> output)
    {
        CompactNumbers.Write(output, 0);
        return true;
    }
}
