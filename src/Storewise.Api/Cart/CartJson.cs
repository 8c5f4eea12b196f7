using System.Text.Json;
using System.Text.Json.Serialization;

namespace Storewise.Api.Cart;

/// <summary>
/// Source-generated serializer for the cart answer, the largest and most frequent body the service writes.
/// Same names and rules as the service's JSON options (camelCase, nulls written unless a property says
/// otherwise); CartJsonTests checks that both write the same bytes.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(DiscountedCartResponse))]
public sealed partial class CartJsonContext : JsonSerializerContext;

/// <summary>
/// Writes the cart answer in one piece: serialized synchronously into the response pipe and flushed once,
/// so a 30 KB answer costs one socket write rather than one per 16 KB buffer of the streaming serializer.
/// </summary>
public sealed class CartJsonResult(DiscountedCartResponse response) : IResult
{
    public DiscountedCartResponse Response { get; } = response;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        var body = httpContext.Response.BodyWriter;
        await using (var writer = new Utf8JsonWriter(body))
        {
            JsonSerializer.Serialize(writer, Response, CartJsonContext.Default.DiscountedCartResponse);
        }

        await body.FlushAsync(httpContext.RequestAborted);
    }
}
