using System.Buffers;
using System.Collections.ObjectModel;
using System.Text;
using System.Text.Json;

namespace Storewise.Api.CartLog;

/// <summary>
/// A logged cart as stored in <c>cart_log.cart</c>: the validated cart in short member names, absent values
/// left out, so a 50-line cart costs a few kilobytes. <see cref="At"/> is the request's own <c>evaluatedAt</c>
/// when it sent one (Unix ms); replays price the cart at that instant, else at the time it was logged.
/// </summary>
/// <remarks>
/// The members: <c>c</c> currency, <c>i</c> lines (<c>id</c>, <c>p</c> product, <c>q</c> quantity, <c>pr</c> price,
/// <c>cat</c> category paths, <c>n</c> name), <c>u</c> customer, <c>ch</c> channel, <c>st</c> store, <c>sh</c> shop,
/// <c>l</c> locale, <c>k</c> codes, <c>s</c> shipping, <c>a</c> customer attributes, <c>t</c> the request's instant.
/// Written and read by hand with <see cref="Utf8JsonWriter"/> and <see cref="Utf8JsonReader"/> straight from and
/// into the engine's <see cref="Pricing.Cart"/>, with no intermediate objects: a replay reads every logged cart
/// (docs/decisions/0710-replay-cost.md). Rows written earlier by a serializer hold the same text. New rows are stored
/// in the compact form (<see cref="StoreUtf8"/>, docs/decisions/0711-compact-cart-log.md); <see cref="Parse(ReadOnlySpan{byte})"/>
/// reads both.
/// </remarks>
public sealed record LoggedCart(Pricing.Cart Cart, long? At)
{
    private const int MaxKeptScratch = 256 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _scratch;

    public static LoggedCart From(Pricing.Cart cart, long? evaluatedAt) => new(cart, evaluatedAt);

    public Pricing.Cart ToCart() => Cart;

    public string Serialize() => Serialize(new ArrayBufferWriter<byte>(1024));

    /// <summary>The stored text, written through <paramref name="scratch"/> (cleared first), so a batch of carts reuses one buffer.</summary>
    public string Serialize(ArrayBufferWriter<byte> scratch)
    {
        WriteJson(scratch);
        return Encoding.UTF8.GetString(scratch.WrittenSpan);
    }

    public static LoggedCart Parse(string stored)
    {
        var length = Encoding.UTF8.GetMaxByteCount(stored.Length);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(stored, rented);
            return Parse(rented.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// The text kept in <c>cart_log.cart</c>: the compact form (<see cref="CompactCart"/>), or this JSON for a cart the
    /// compact form cannot hold. <paramref name="scratch"/> is a reused buffer.
    /// </summary>
    public string Store(ArrayBufferWriter<byte> scratch) =>
        CompactCart.TryWrite(Cart, At, scratch) ? Encoding.UTF8.GetString(scratch.WrittenSpan) : Serialize(scratch);

    /// <summary>
    /// The stored text of <paramref name="cart"/> as UTF-8, in one array of its size, encoded through a buffer of this
    /// thread (the cart endpoint encodes each sampled cart as it is priced): no string is made of it, and no
    /// <see cref="LoggedCart"/> unless the compact form cannot hold the cart.
    /// </summary>
    public static byte[] StoreUtf8(Pricing.Cart cart, long? at)
    {
        var scratch = _scratch ??= new ArrayBufferWriter<byte>(4096);
        if (!CompactCart.TryWrite(cart, at, scratch))
        {
            new LoggedCart(cart, at).WriteJson(scratch);
        }

        var stored = scratch.WrittenSpan.ToArray();
        if (scratch.Capacity > MaxKeptScratch)
        {
            // One huge cart must not leave every thread holding its buffer.
            _scratch = null;
        }

        return stored;
    }

    /// <summary>Reads a stored cart in either form.</summary>
    public static LoggedCart Parse(ReadOnlySpan<byte> utf8) => Parse(utf8, null);

    /// <summary>Reads a stored cart in either form; a compact one takes its short texts from <paramref name="texts"/>.</summary>
    public static LoggedCart Parse(ReadOnlySpan<byte> utf8, TextPool? texts) =>
        CompactCart.Is(utf8) ? CompactCart.Read(utf8, texts) : ParseJson(utf8);

    private static LoggedCart ParseJson(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        Expect(ref reader, JsonTokenType.StartObject);
        string? currency = null;
        IReadOnlyList<Pricing.CartItem>? items = null;
        string? customer = null, channel = null, store = null, shop = null, locale = null;
        IReadOnlyList<string> codes = [];
        decimal? shipping = null;
        IReadOnlyDictionary<string, string>? attributes = null;
        long? at = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            switch (name)
            {
                case [(byte)'c']: currency = Text(ref reader); break;
                case [(byte)'i']: items = ReadItems(ref reader); break;
                case [(byte)'u']: customer = Text(ref reader); break;
                case [(byte)'c', (byte)'h']: channel = Text(ref reader); break;
                case [(byte)'s', (byte)'t']: store = Text(ref reader); break;
                case [(byte)'s', (byte)'h']: shop = Text(ref reader); break;
                case [(byte)'l']: locale = Text(ref reader); break;
                case [(byte)'k']: codes = ReadStrings(ref reader); break;
                case [(byte)'s']: shipping = reader.GetDecimal(); break;
                case [(byte)'a']: attributes = ReadAttributes(ref reader); break;
                case [(byte)'t']: at = reader.GetInt64(); break;
                default: reader.Skip(); break;
            }
        }

        var cart = new Pricing.Cart
        {
            Currency = currency ?? throw new FormatException("cart log entry has no currency"),
            Items = items ?? throw new FormatException("cart log entry has no lines"),
            CustomerId = customer,
            ChannelType = channel,
            StoreId = store,
            ShopId = shop,
            Locale = locale,
            CouponCodes = codes,
            ShippingCost = shipping,
            CustomerAttributes = attributes ?? ReadOnlyDictionary<string, string>.Empty,
        };
        return new LoggedCart(cart, at);
    }

    private void WriteJson(ArrayBufferWriter<byte> scratch)
    {
        scratch.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(scratch, WriterOptions);
        Write(writer);
    }

    private void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("c"u8, Cart.Currency);
        writer.WriteStartArray("i"u8);
        foreach (var item in Cart.Items)
        {
            writer.WriteStartObject();
            writer.WriteString("id"u8, item.Id);
            writer.WriteString("p"u8, item.ProductId);
            writer.WriteNumber("q"u8, item.Quantity);
            writer.WriteNumber("pr"u8, item.Price);
            if (item.Categories.Count > 0)
            {
                writer.WriteStartArray("cat"u8);
                foreach (var path in item.Categories)
                {
                    WriteStrings(writer, path);
                }

                writer.WriteEndArray();
            }

            WriteIfPresent(writer, "n"u8, item.Name);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteIfPresent(writer, "u"u8, Cart.CustomerId);
        WriteIfPresent(writer, "ch"u8, Cart.ChannelType);
        WriteIfPresent(writer, "st"u8, Cart.StoreId);
        WriteIfPresent(writer, "sh"u8, Cart.ShopId);
        WriteIfPresent(writer, "l"u8, Cart.Locale);
        if (Cart.CouponCodes.Count > 0)
        {
            writer.WritePropertyName("k"u8);
            WriteStrings(writer, Cart.CouponCodes);
        }

        if (Cart.ShippingCost is { } shipping)
        {
            writer.WriteNumber("s"u8, shipping);
        }

        if (Cart.CustomerAttributes is { Count: > 0 } attributes)
        {
            writer.WriteStartObject("a"u8);
            foreach (var (key, value) in attributes)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        if (At is { } at)
        {
            writer.WriteNumber("t"u8, at);
        }

        writer.WriteEndObject();
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, IReadOnlyList<string> values)
    {
        writer.WriteStartArray();
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static Pricing.CartItem[] ReadItems(ref Utf8JsonReader reader)
    {
        Is(ref reader, JsonTokenType.StartArray);
        var items = new List<Pricing.CartItem>();
        while (Next(ref reader) == JsonTokenType.StartObject)
        {
            string? id = null, product = null, name = null;
            var quantity = 0;
            var price = 0m;
            IReadOnlyList<IReadOnlyList<string>> categories = [];
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                var member = reader.ValueSpan;
                Next(ref reader);
                if (reader.TokenType == JsonTokenType.Null)
                {
                    continue;
                }

                switch (member)
                {
                    case [(byte)'i', (byte)'d']: id = Text(ref reader); break;
                    case [(byte)'p']: product = Text(ref reader); break;
                    case [(byte)'q']: quantity = reader.GetInt32(); break;
                    case [(byte)'p', (byte)'r']: price = reader.GetDecimal(); break;
                    case [(byte)'c', (byte)'a', (byte)'t']: categories = ReadPaths(ref reader); break;
                    case [(byte)'n']: name = Text(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            items.Add(new Pricing.CartItem(
                id ?? throw new FormatException("cart log line has no id"), product ?? throw new FormatException("cart log line has no product"), quantity, price, categories, name));
        }

        Is(ref reader, JsonTokenType.EndArray);
        return [.. items];
    }

    private static IReadOnlyList<IReadOnlyList<string>> ReadPaths(ref Utf8JsonReader reader)
    {
        Is(ref reader, JsonTokenType.StartArray);
        var paths = new List<IReadOnlyList<string>>(1);
        while (Next(ref reader) == JsonTokenType.StartArray)
        {
            paths.Add(ReadStrings(ref reader));
        }

        Is(ref reader, JsonTokenType.EndArray);
        return [.. paths];
    }

    private static string[] ReadStrings(ref Utf8JsonReader reader)
    {
        Is(ref reader, JsonTokenType.StartArray);
        var values = new List<string>(4);
        while (Next(ref reader) == JsonTokenType.String)
        {
            values.Add(Text(ref reader));
        }

        Is(ref reader, JsonTokenType.EndArray);
        return [.. values];
    }

    private static Dictionary<string, string> ReadAttributes(ref Utf8JsonReader reader)
    {
        Is(ref reader, JsonTokenType.StartObject);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            Next(ref reader);
            attributes[key] = Text(ref reader);
        }

        return attributes;
    }

    private static string Text(ref Utf8JsonReader reader) =>
        reader.GetString() ?? throw new FormatException("cart log entry has null where text belongs");

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new FormatException("cart log entry ends early");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        Next(ref reader);
        Is(ref reader, type);
    }

    private static void Is(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw new FormatException($"cart log entry has {reader.TokenType} where {type} belongs");
        }
    }
}
