namespace Storewise.Api.Idempotency;

/// <summary>How a write route opts into the <c>Idempotency-Key</c> protocol.</summary>
public static class IdempotencyKeyEndpoints
{
    /// <summary>
    /// Adds <see cref="IdempotencyKeyFilter"/>. <paramref name="rejectBody"/> is the route's own body validation,
    /// run before a key is claimed so that an invalid request claims none (null: every body is accepted).
    /// </summary>
    public static RouteHandlerBuilder WithIdempotencyKey(
        this RouteHandlerBuilder builder, Func<HttpContext, ReadOnlyMemory<byte>, IResult?>? rejectBody = null) =>
        builder.AddEndpointFilter(new IdempotencyKeyFilter(rejectBody));
}
