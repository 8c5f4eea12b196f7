using Storewise.Api.Auth;
using Storewise.Api.Errors;

namespace Storewise.Api.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> protocol (docs/decisions/0209-idempotency-keys.md) for any write route that opts in
/// with <see cref="IdempotencyKeyEndpoints.WithIdempotencyKey"/>: a body the route rejects claims no key; a done
/// key replays its answer, a key used with another body is 422, a key still in flight is 409; otherwise the
/// request runs, its answer is stored (a 5xx or an exception frees the key instead, so a retry runs again).
/// </summary>
public sealed class IdempotencyKeyFilter(Func<HttpContext, ReadOnlyMemory<byte>, IResult?>? rejectBody) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(IdempotencyKeys.Header, out var header))
        {
            return await next(context);
        }

        var body = await BufferBodyAsync(http.Request);
        if (rejectBody?.Invoke(http, body) is { } invalid)
        {
            return invalid;
        }

        var key = header.ToString();
        if (key.Length is 0 or > IdempotencyKeys.MaxKeyLength)
        {
            return ErrorResults.BadRequest($"{IdempotencyKeys.Header}: must be 1 to {IdempotencyKeys.MaxKeyLength} characters", "validation_failed");
        }

        var keys = http.RequestServices.GetRequiredService<IdempotencyKeys>();
        var claim = await keys.ClaimAsync(RequestUser.From(http).Tenant, key, IdempotencyKeys.Hash(body.Span), http.RequestAborted);
        switch (claim.Kind)
        {
            case IdempotencyClaimKind.Replay:
                http.Response.Headers["Idempotent-Replayed"] = "true";
                return Results.Content(claim.Body ?? "", "application/json", statusCode: claim.Status);
            case IdempotencyClaimKind.BodyMismatch:
                return ErrorResults.Status(
                    StatusCodes.Status422UnprocessableEntity, "this Idempotency-Key was used with a different request body", "idempotency_key_reused");
            case IdempotencyClaimKind.InFlight:
                return ErrorResults.Conflict("a request with this Idempotency-Key is still in progress", "idempotency_key_in_flight");
        }

        var scope = new IdempotencyScope(claim);
        http.Features.Set(scope);
        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await keys.ReleaseAsync(claim); // a failure that is not an answer (database down) must not be replayed
            throw;
        }

        return scope.Completed ? result : new RecordedAnswer(result as IResult ?? Results.Json(result), scope, keys);
    }

    // Read once for the hash; the handler reads the same bytes again from the start.
    private static async Task<ReadOnlyMemory<byte>> BufferBodyAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return buffer.ToArray();
    }
}
