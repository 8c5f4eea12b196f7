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
/// shipping follow), the instant, the currency, the coupon codes (a count, then each; early, so a page's codes are read without
/// reading its lines), the flagged values, the customer attributes (a count, then key and value), and the lines (a
/// count, then each line's id, quantity, price and its product part: the length of that part, then the product id,
/// the category paths and the name). A line's product part is the same bytes wherever the same product with the same
/// paths and name is logged, so a replay reads it once per batch (<see cref="LoggedCartPools"/>).
/// </remarks>
public static class CompactCart
{
    public const byte Version = 0x01;

    private const int HasCustomer = 1, HasChannel = 2, HasStore = 4, HasShop = 8, HasLocale = 16, HasShipping = 32, HasAt = 64;

    /// <summary>
    /// Writes <paramref name="cart"/> to <paramref name="output"/> (cleared first); false, with nothing usable written,
    /// when a text of the cart cannot be stored this way (a NUL character or a lone surrogate): such a cart is stored as JSON.
    /// </summary>
    public static bool TryWrite(Pricing.Cart cart, long? at, ArrayBufferWriter<byte> output, ArrayBufferWriter<byte> scratch)
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
        CompactNumbers.Write(output, (ulong)cart.CouponCodes.Count);
        foreach (var code in cart.CouponCodes)
        {
            ok &= CompactNumbers.TryWriteText(output, code);
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

        CompactNumbers.Write(output, (ulong)cart.Items.Count);
        foreach (var item in cart.Items)
        {
            ok &= CompactNumbers.TryWriteText(output, item.Id);
            CompactNumbers.WriteSigned(output, item.Quantity);
            CompactNumbers.WriteDecimal(output, item.Price);
            scratch.ResetWrittenCount();
            ok &= CompactNumbers.TryWriteText(scratch, item.ProductId);
            CompactNumbers.Write(scratch, (ulong)item.Categories.Count);
            foreach (var path in item.Categories)
            {
                CompactNumbers.Write(scratch, (ulong)path.Count);
                foreach (var segment in path)
                {
                    ok &= CompactNumbers.TryWriteText(scratch, segment);
                }
            }

            // 0 for no name, else the name's length plus one.
            ok &= item.Name is null ? Zero(scratch) : CompactNumbers.TryWriteText(scratch, item.Name, plusOne: true);
            CompactNumbers.Write(output, (ulong)scratch.WrittenCount);
            output.Write(scratch.WrittenSpan);
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

    /// <summary>Reads a stored cart in this form; texts and product parts come from <paramref name="pools"/> when given.</summary>
    public static LoggedCart Read(ReadOnlySpan<byte> stored, LoggedCartPools? pools)
    {
        var reader = new CompactReader(stored, 1);
        var flags = (int)reader.Number();
        long? at = (flags & HasAt) == 0 ? null : reader.Signed();
        var cart = new Pricing.Cart
        {
            Currency = reader.Text(pools?.Texts),
            CouponCodes = ReadCodes(ref reader),
            CustomerId = (flags & HasCustomer) == 0 ? null : reader.Text(),
            ChannelType = (flags & HasChannel) == 0 ? null : reader.Text(pools?.Texts),
            StoreId = (flags & HasStore) == 0 ? null : reader.Text(pools?.Texts),
            ShopId = (flags & HasShop) == 0 ? null : reader.Text(pools?.Texts),
            Locale = (flags & HasLocale) == 0 ? null : reader.Text(pools?.Texts),
            ShippingCost = (flags & HasShipping) == 0 ? null : reader.Decimal(),
            CustomerAttributes = ReadAttributes(ref reader, pools?.Texts),
            Items = ReadItems(ref reader, pools),
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

    private static Pricing.CartItem[] ReadItems(ref CompactReader reader, LoggedCartPools? pools)
    {
        var items = new Pricing.CartItem[reader.Length()];
        for (var i = 0; i < items.Length; i++)
        {
            var id = reader.Text();
            var quantity = reader.Int32();
            var price = reader.Decimal();
            var part = reader.Bytes(reader.Length());
            var product = pools is null ? ReadProduct(part, null) : pools.Product(part);
            items[i] = new Pricing.CartItem(id, product.ProductId, quantity, price, product.Categories, product.Name);
        }

        return items;
    }

    /// <summary>Reads a line's product part (see the remarks).</summary>
    internal static LoggedProduct ReadProduct(ReadOnlySpan<byte> part, TextPool? texts)
    {
        var reader = new CompactReader(part, 0);
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
        reader.End();
        return new LoggedProduct(product, categories, name);
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

/// <summary>What a logged line's product part holds: the product id, its category paths and the line's name.</summary>
public sealed record LoggedProduct(string ProductId, IReadOnlyList<IReadOnlyList<string>> Categories, string? Name);
