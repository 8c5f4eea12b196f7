using System.Text.Json;
using System.Text.Json.Serialization;

namespace Storewise.Api.CartLog;

/// <summary>
/// A logged cart as stored in <c>cart_log.cart</c>: the validated cart in short member names, absent values
/// left out, so a 50-line cart costs a few kilobytes. <see cref="At"/> is the request's own <c>evaluatedAt</c>
/// when it sent one (Unix ms); replays price the cart at that instant, else at the time it was logged.
/// </summary>
public sealed record LoggedCart(
    [property: JsonPropertyName("c")] string Currency,
    [property: JsonPropertyName("i")] IReadOnlyList<LoggedItem> Items,
    [property: JsonPropertyName("u")] string? CustomerId = null,
    [property: JsonPropertyName("ch")] string? ChannelType = null,
    [property: JsonPropertyName("st")] string? StoreId = null,
    [property: JsonPropertyName("sh")] string? ShopId = null,
    [property: JsonPropertyName("l")] string? Locale = null,
    [property: JsonPropertyName("k")] IReadOnlyList<string>? CouponCodes = null,
    [property: JsonPropertyName("s")] decimal? ShippingCost = null,
    [property: JsonPropertyName("a")] IReadOnlyDictionary<string, string>? CustomerAttributes = null,
    [property: JsonPropertyName("t")] long? At = null)
{
    public static LoggedCart From(Pricing.Cart cart, long? evaluatedAt) => new(
        cart.Currency,
        [.. cart.Items.Select(i => new LoggedItem(i.Id, i.ProductId, i.Quantity, i.Price, i.Categories.Count == 0 ? null : i.Categories, i.Name))],
        cart.CustomerId,
        cart.ChannelType,
        cart.StoreId,
        cart.ShopId,
        cart.Locale,
        cart.CouponCodes.Count == 0 ? null : cart.CouponCodes,
        cart.ShippingCost,
        cart.CustomerAttributes is { Count: > 0 } attributes ? attributes : null,
        evaluatedAt);

    public Pricing.Cart ToCart() => new()
    {
        Currency = Currency,
        Items = [.. Items.Select(i => new Pricing.CartItem(i.Id, i.ProductId, i.Quantity, i.Price, i.Categories ?? [], i.Name))],
        CustomerId = CustomerId,
        ChannelType = ChannelType,
        StoreId = StoreId,
        ShopId = ShopId,
        Locale = Locale,
        CouponCodes = CouponCodes ?? [],
        ShippingCost = ShippingCost,
        CustomerAttributes = CustomerAttributes ?? new Dictionary<string, string>(StringComparer.Ordinal),
    };

    public string Serialize() => JsonSerializer.Serialize(this, LoggedCartJson.Default.LoggedCart);

    public static LoggedCart Parse(string json) =>
        JsonSerializer.Deserialize(json, LoggedCartJson.Default.LoggedCart) ?? throw new FormatException("cart log entry is not a cart");
}

/// <summary>One line of a <see cref="LoggedCart"/>.</summary>
public sealed record LoggedItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("p")] string ProductId,
    [property: JsonPropertyName("q")] int Quantity,
    [property: JsonPropertyName("pr")] decimal Price,
    [property: JsonPropertyName("cat")] IReadOnlyList<IReadOnlyList<string>>? Categories = null,
    [property: JsonPropertyName("n")] string? Name = null);

/// <summary>Source-generated serializer of <see cref="LoggedCart"/>; absent values are left out.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LoggedCart))]
public sealed partial class LoggedCartJson : JsonSerializerContext;
