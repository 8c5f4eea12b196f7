using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Storewise.Api.Carts;

/// <summary>
/// Writes the cart answer straight into a <see cref="Utf8JsonWriter"/>, member by member in declaration order with
/// the service's rules (camelCase, members marked "when writing null" left out, other nulls written), so the bytes
/// are what the service's JSON options write for the same <see cref="DiscountedCartResponse"/>
/// (docs/decisions/0511-cart-answer-writer.md). What makes it cheaper than a serializer: a 50-line answer repeats
/// the same few promotions on every line, so each distinct discount entry is rendered once per answer up to its
/// amount and then copied as bytes with the amount formatted in place (sources, kinds and levels are encoded once
/// per process).
/// </summary>
public static class CartAnswerWriter
{
    // Sources, kinds and levels come from a closed vocabulary; the bound only guards against a mistake.
    private const int VocabularyBound = 256;

    // 29 digits, a sign and a decimal point.
    private const int MaxDecimalLength = 31;
    private static readonly ConcurrentDictionary<string, JsonEncodedText> Vocabulary = new(StringComparer.Ordinal);

    private static readonly JsonEncodedText CustomerId = JsonEncodedText.Encode("customerId");
    private static readonly JsonEncodedText ChannelType = JsonEncodedText.Encode("channelType");
    private static readonly JsonEncodedText Currency = JsonEncodedText.Encode("currency");
    private static readonly JsonEncodedText CouponCodes = JsonEncodedText.Encode("couponCodes");
    private static readonly JsonEncodedText StoreId = JsonEncodedText.Encode("storeId");
    private static readonly JsonEncodedText ShopId = JsonEncodedText.Encode("shopId");
    private static readonly JsonEncodedText Locale = JsonEncodedText.Encode("locale");
    private static readonly JsonEncodedText Items = JsonEncodedText.Encode("items");
    private static readonly JsonEncodedText ShippingCost = JsonEncodedText.Encode("shippingCost");
    private static readonly JsonEncodedText CustomerAttributes = JsonEncodedText.Encode("customerAttributes");
    private static readonly JsonEncodedText EvaluatedAt = JsonEncodedText.Encode("evaluatedAt");
    private static readonly JsonEncodedText CatalogTotal = JsonEncodedText.Encode("catalogTotal");
    private static readonly JsonEncodedText DiscountTotal = JsonEncodedText.Encode("discountTotal");
    private static readonly JsonEncodedText ShippingDiscounts = JsonEncodedText.Encode("shippingDiscounts");
    private static readonly JsonEncodedText ShippingTotal = JsonEncodedText.Encode("shippingTotal");
    private static readonly JsonEncodedText Total = JsonEncodedText.Encode("total");
    private static readonly JsonEncodedText RejectedCoupons = JsonEncodedText.Encode("rejectedCoupons");
    private static readonly JsonEncodedText NotApplied = JsonEncodedText.Encode("notApplied");
    private static readonly JsonEncodedText Preview = JsonEncodedText.Encode("preview");
    private static readonly JsonEncodedText Usage = JsonEncodedText.Encode("usage");
    private static readonly JsonEncodedText Hint = JsonEncodedText.Encode("hint");
    private static readonly JsonEncodedText Missing = JsonEncodedText.Encode("missing");
    private static readonly JsonEncodedText Products = JsonEncodedText.Encode("products");
    private static readonly JsonEncodedText HintItems = JsonEncodedText.Encode("items");
    private static readonly JsonEncodedText OpensAt = JsonEncodedText.Encode("opensAt");
    private static readonly JsonEncodedText StoreTime = JsonEncodedText.Encode("storeTime");
    private static readonly JsonEncodedText TimeZone = JsonEncodedText.Encode("timeZone");
    private static readonly JsonEncodedText Fallback = JsonEncodedText.Encode("fallback");
    private static readonly JsonEncodedText RemainingRedemptions = JsonEncodedText.Encode("remainingRedemptions");
    private static readonly JsonEncodedText RemainingCustomerRedemptions = JsonEncodedText.Encode("remainingCustomerRedemptions");
    private static readonly JsonEncodedText RemainingBudgetRedemptions = JsonEncodedText.Encode("remainingBudgetRedemptions");
    private static readonly JsonEncodedText RemainingBudget = JsonEncodedText.Encode("remainingBudget");
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText ProductId = JsonEncodedText.Encode("productId");
    private static readonly JsonEncodedText Quantity = JsonEncodedText.Encode("quantity");
    private static readonly JsonEncodedText Price = JsonEncodedText.Encode("price");
    private static readonly JsonEncodedText Categories = JsonEncodedText.Encode("categories");
    private static readonly JsonEncodedText Path = JsonEncodedText.Encode("path");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Discounts = JsonEncodedText.Encode("discounts");
    private static readonly JsonEncodedText TotalDiscount = JsonEncodedText.Encode("totalDiscount");
    private static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText CouponCode = JsonEncodedText.Encode("couponCode");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText Level = JsonEncodedText.Encode("level");
    private static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText Amount = JsonEncodedText.Encode("amount");
    private static readonly JsonEncodedText Exclusive = JsonEncodedText.Encode("exclusive");
    private static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
    private static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText AddedItems = JsonEncodedText.Encode("addedItems");
    private static readonly JsonEncodedText OfferId = JsonEncodedText.Encode("offerId");
    private static readonly JsonEncodedText OfferName = JsonEncodedText.Encode("offerName");
    private static readonly JsonEncodedText NextTiers = JsonEncodedText.Encode("nextTiers");

    public static void Write(Utf8JsonWriter writer, DiscountedCartResponse answer)
    {
        var templates = new EntryTemplates();
        writer.WriteStartObject();
        WriteIfPresent(writer, CustomerId, answer.CustomerId);
        WriteIfPresent(writer, ChannelType, answer.ChannelType);
        writer.WriteString(Currency, answer.Currency);
        if (answer.CouponCodes is { } codes)
        {
            WriteStrings(writer, CouponCodes, codes);
        }

        WriteIfPresent(writer, StoreId, answer.StoreId);
        WriteIfPresent(writer, ShopId, answer.ShopId);
        WriteIfPresent(writer, Locale, answer.Locale);
        writer.WriteStartArray(Items);
        foreach (var item in answer.Items)
        {
            WriteItem(writer, item, templates);
        }

        writer.WriteEndArray();
        if (answer.ShippingCost is { } shipping)
        {
            WriteDecimal(writer, ShippingCost, shipping);
        }

        if (answer.CustomerAttributes is { } attributes)
        {
            writer.WriteStartObject(CustomerAttributes);
            foreach (var (key, value) in attributes)
            {
                writer.WritePropertyName(key);
                WriteStringOrNull(writer, value);
            }

            writer.WriteEndObject();
        }

        WriteIfPresent(writer, EvaluatedAt, answer.EvaluatedAt);
        WriteDecimal(writer, CatalogTotal, answer.CatalogTotal);
        WriteDecimal(writer, DiscountTotal, answer.DiscountTotal);
        WriteDiscounts(writer, ShippingDiscounts, answer.ShippingDiscounts, templates);
        WriteDecimal(writer, ShippingTotal, answer.ShippingTotal);
        WriteDecimal(writer, Total, answer.Total);
        writer.WriteStartArray(RejectedCoupons);
        foreach (var rejected in answer.RejectedCoupons)
        {
            writer.WriteStartObject();
            writer.WriteString(Code, rejected.Code);
            writer.WriteString(Reason, rejected.Reason);
            writer.WriteString(Message, rejected.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (answer.NotApplied is { } notApplied)
        {
            writer.WriteStartArray(NotApplied);
            foreach (var entry in notApplied)
            {
                writer.WriteStartObject();
                writer.WriteString(Source, VocabularyText(entry.Source));
                writer.WriteString(Id, entry.Id);
                writer.WriteString(Name, entry.Name);
                writer.WriteString(Reason, entry.Reason);
                if (entry.Hint is { } hint)
                {
                    WriteHint(writer, hint);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (answer.Usage is { } usage)
        {
            writer.WriteStartArray(Usage);
            foreach (var entry in usage)
            {
                writer.WriteStartObject();
                writer.WriteString(Source, entry.Source);
                writer.WriteString(Id, entry.Id);
                WriteIfPresent(writer, RemainingRedemptions, entry.RemainingRedemptions);
                WriteIfPresent(writer, RemainingCustomerRedemptions, entry.RemainingCustomerRedemptions);
                WriteIfPresent(writer, RemainingBudgetRedemptions, entry.RemainingBudgetRedemptions);
                if (entry.RemainingBudget is { } remaining)
                {
                    WriteDecimal(writer, RemainingBudget, remaining);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (answer.Preview is { } preview)
        {
            writer.WriteBoolean(Preview, preview);
        }

        if (answer.AddedItems is { } added)
        {
            WriteAddedItems(writer, added);
        }

        if (answer.StoreTime is { } storeTime)
        {
            writer.WriteStartObject(StoreTime);
            WriteIfPresent(writer, StoreId, storeTime.StoreId);
            writer.WriteString(TimeZone, storeTime.TimeZone);
            writer.WriteBoolean(Fallback, storeTime.Fallback);
            writer.WriteEndObject();
        }

        if (answer.NextTiers is { } nextTiers)
        {
            WriteNextTiers(writer, nextTiers);
        }

        writer.WriteEndObject();
    }

    private static void WriteNextTiers(Utf8JsonWriter writer, IReadOnlyList<NextTierEntry> nextTiers)
    {
        writer.WriteStartArray(NextTiers);
        foreach (var entry in nextTiers)
        {
            writer.WriteStartObject();
            writer.WriteString(Source, VocabularyText(entry.Source));
            writer.WriteString(Id, entry.Id);
            writer.WritePropertyName(CouponCode);
            WriteStringOrNull(writer, entry.CouponCode);
            writer.WriteString(Name, entry.Name);
            WriteHint(writer, entry.Hint);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    // Explain mode only, so written plainly, member by member in declaration order.
    private static void WriteHint(Utf8JsonWriter writer, HintEntry hint)
    {
        writer.WriteStartObject(Hint);
        writer.WriteString(Kind, hint.Kind switch { HintKindName.CartValue => "cartValue", HintKindName.Units => "units", _ => "schedule" });
        if (hint.Missing is { } missing)
        {
            WriteDecimal(writer, Missing, missing);
        }

        WriteIfPresent(writer, Currency, hint.Currency);
        if (hint.Products is { } products)
        {
            WriteStrings(writer, Products, products);
        }

        if (hint.Categories is { } categories)
        {
            WriteCategories(writer, categories);
        }

        if (hint.Items is { } items)
        {
            writer.WriteStartArray(HintItems);
            foreach (var item in items)
            {
                writer.WriteStartObject();
                writer.WriteString(ProductId, item.ProductId);
                writer.WriteNumber(Missing, item.Missing);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        WriteIfPresent(writer, OpensAt, hint.OpensAt);
        writer.WriteEndObject();
    }

    private static void WriteAddedItems(Utf8JsonWriter writer, IReadOnlyList<AddedCartItem> added)
    {
        writer.WriteStartArray(AddedItems);
        foreach (var item in added)
        {
            writer.WriteStartObject();
            writer.WriteString(ProductId, item.ProductId);
            writer.WriteNumber(Quantity, item.Quantity);
            WriteDecimal(writer, Price, item.Price);
            writer.WriteString(Source, VocabularyText(item.Source));
            writer.WriteString(OfferId, item.OfferId);
            writer.WritePropertyName(CouponCode);
            WriteStringOrNull(writer, item.CouponCode);
            writer.WriteString(OfferName, item.OfferName);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    // A line's categories as sent (an entry may be null) and a hint's categories: one list of {"path": [...]}.
    private static void WriteCategories(Utf8JsonWriter writer, IReadOnlyList<CategoryPathRequest?> categories)
    {
        writer.WriteStartArray(Categories);
        foreach (var category in categories)
        {
            if (category is null)
            {
                writer.WriteNullValue();
                continue;
            }

            writer.WriteStartObject();
            if (category.Path is { } path)
            {
                WriteStrings(writer, Path, path);
            }
            else
            {
                writer.WriteNull(Path);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteItem(Utf8JsonWriter writer, DiscountedItem item, EntryTemplates templates)
    {
        writer.WriteStartObject();
        writer.WriteString(Id, item.Id);
        writer.WriteString(ProductId, item.ProductId);
        writer.WriteNumber(Quantity, item.Quantity);
        WriteDecimal(writer, Price, item.Price);
        if (item.Categories is { } categories)
        {
            WriteCategories(writer, categories);
        }

        WriteIfPresent(writer, Name, item.Name);
        WriteDiscounts(writer, Discounts, item.Discounts, templates);
        WriteDecimal(writer, TotalDiscount, item.TotalDiscount);
        WriteDecimal(writer, Total, item.Total);
        writer.WriteEndObject();
    }

    private static void WriteDiscounts(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<DiscountEntry> discounts, EntryTemplates templates)
    {
        writer.WriteStartArray(name);
        foreach (var discount in discounts)
        {
            writer.WriteRawValue(templates.Render(discount), skipInputValidation: true);
        }

        writer.WriteEndArray();
    }

    /// <summary>An entry up to its amount (<c>{"source":…,"value":10,"amount":</c>), written as the serializer would.</summary>
    private static byte[] RenderPrefix(DiscountEntry discount, ArrayBufferWriter<byte> scratch)
    {
        scratch.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(scratch, CartJsonResult.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString(Source, VocabularyText(discount.Source));
            writer.WriteString(Id, discount.Id);
            if (discount.CouponCode is { } code)
            {
                writer.WriteString(CouponCode, code);
            }
            else
            {
                writer.WriteNull(CouponCode);
            }

            writer.WriteString(Name, discount.Name);
            writer.WriteString(Kind, VocabularyText(discount.Kind));
            writer.WriteString(Level, VocabularyText(discount.Level));
            WriteDecimal(writer, Value, discount.Value);
            writer.WritePropertyName(Amount);
            writer.WriteRawValue("0"u8, skipInputValidation: true); // a placeholder, cut off below
        }

        return scratch.WrittenSpan[..^1].ToArray();
    }

    private static void WriteDecimal(Utf8JsonWriter writer, JsonEncodedText name, decimal value)
    {
        Span<byte> text = stackalloc byte[MaxDecimalLength];
        writer.WritePropertyName(name);
        writer.WriteRawValue(text[..FormatDecimal(value, text)], skipInputValidation: true);
    }

    /// <summary>
    /// A decimal as <see cref="Utf8JsonWriter.WriteNumber(JsonEncodedText, decimal)"/> writes it (<see cref="Utf8Formatter"/>:
    /// all digits of its scale, no exponent), formatted here for the common case of money: non-negative with a
    /// coefficient below 2^32.
    /// </summary>
    private static int FormatDecimal(decimal value, Span<byte> destination)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        if (bits[1] != 0 || bits[2] != 0 || bits[3] < 0) // a larger coefficient, or the sign bit (also of a negative zero)
        {
            Utf8Formatter.TryFormat(value, destination, out var written);
            return written;
        }

        var coefficient = (uint)bits[0];
        var scale = value.Scale;
        Span<byte> text = stackalloc byte[MaxDecimalLength];
        var end = text.Length;
        var digits = 0;
        do
        {
            if (digits == scale && scale > 0)
            {
                text[--end] = (byte)'.';
            }

            text[--end] = (byte)('0' + (coefficient % 10));
            coefficient /= 10;
            digits++;
        }
        while (coefficient != 0 || digits <= scale);

        text[end..].CopyTo(destination);
        return text.Length - end;
    }

    private static void WriteStrings(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<string?> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            WriteStringOrNull(writer, value);
        }

        writer.WriteEndArray();
    }

    private static void WriteStringOrNull(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static JsonEncodedText VocabularyText(string value)
    {
        if (Vocabulary.TryGetValue(value, out var encoded))
        {
            return encoded;
        }

        encoded = JsonEncodedText.Encode(value);
        if (Vocabulary.Count < VocabularyBound)
        {
            Vocabulary.TryAdd(value, encoded);
        }

        return encoded;
    }

    /// <summary>
    /// One answer's discount entries, rendered once per distinct entry but its amount: a promotion spread over 50
    /// lines is 50 entries that differ only there. Texts are compared by reference (the engine hands out the same
    /// instances of its compiled promotions for every line); a miss merely renders again.
    /// </summary>
    private sealed class EntryTemplates
    {
        private static readonly byte[] NotExclusive = Encoding.UTF8.GetBytes(",\"exclusive\":false}");
        private static readonly byte[] IsExclusive = Encoding.UTF8.GetBytes(",\"exclusive\":true}");

        private readonly Dictionary<DiscountEntry, byte[]> _prefixes = new(SameButAmount.Instance);
        private readonly ArrayBufferWriter<byte> _scratch = new(256);
        private byte[] _entry = new byte[512];

        /// <summary>The whole entry; valid until the next call.</summary>
        public ReadOnlySpan<byte> Render(DiscountEntry discount)
        {
            if (!_prefixes.TryGetValue(discount, out var prefix))
            {
                prefix = RenderPrefix(discount, _scratch);
                _prefixes[discount] = prefix;
            }

            var suffix = discount.Exclusive ? IsExclusive : NotExclusive;
            var length = prefix.Length + MaxDecimalLength + suffix.Length;
            if (_entry.Length < length)
            {
                _entry = new byte[length * 2];
            }

            prefix.CopyTo(_entry, 0);
            var at = prefix.Length + FormatDecimal(discount.Amount, _entry.AsSpan(prefix.Length));
            suffix.CopyTo(_entry, at);
            return _entry.AsSpan(0, at + suffix.Length);
        }
    }

    /// <summary>Entries equal in everything the prefix holds: texts by reference, the value with its scale and sign.</summary>
    private sealed class SameButAmount : IEqualityComparer<DiscountEntry>
    {
        public static readonly SameButAmount Instance = new();

        public bool Equals(DiscountEntry? x, DiscountEntry? y) =>
            x is not null && y is not null
            && ReferenceEquals(x.Source, y.Source) && ReferenceEquals(x.Id, y.Id) && ReferenceEquals(x.CouponCode, y.CouponCode)
            && ReferenceEquals(x.Name, y.Name) && ReferenceEquals(x.Kind, y.Kind) && ReferenceEquals(x.Level, y.Level)
            && x.Value == y.Value && x.Value.Scale == y.Value.Scale && decimal.IsNegative(x.Value) == decimal.IsNegative(y.Value);

        public int GetHashCode(DiscountEntry obj) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Id), RuntimeHelpers.GetHashCode(obj.Name), obj.Value);
    }
}
