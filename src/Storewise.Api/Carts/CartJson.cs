using System.Text.Json;

namespace Storewise.Api.Carts;

/// <summary>
/// Writes the cart answer in one piece: <see cref="CartAnswerWriter"/> writes synchronously into the response
/// pipe, flushed once, so a 60 KB answer costs one socket write (docs/decisions/0511-cart-answer-writer.md).
/// </summary>
public sealed class CartJsonResult(DiscountedCartResponse response) : IResult
{
    /// <summary>
    /// The default encoder, as the service's JSON options use; no structural validation, since the writer's
    /// shape is fixed and CartAnswerWriterTests compare its bytes with the serializer's.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    public DiscountedCartResponse Response { get; } = response;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        var body = httpContext.Response.BodyWriter;
        await using (var writer = new Utf8JsonWriter(body, WriterOptions))
        {
            CartAnswerWriter.Write(writer, Response);
        }

        await body.FlushAsync(httpContext.RequestAborted);
    }
}
