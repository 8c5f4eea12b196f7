using System.Data.Common;

namespace Storewise.Api.Idempotency;

/// <summary>
/// The key a request claimed, handed by <see cref="IdempotencyKeyFilter"/> to the handler through the request's
/// features. A handler that writes in a transaction records its success there (<see cref="CompleteAsync"/>), so a
/// crash cannot leave the work without its record; any other answer the filter records after the handler.
/// </summary>
public sealed class IdempotencyScope(IdempotencyClaim claim)
{
    public IdempotencyClaim Claim { get; } = claim;

    /// <summary>Whether the handler already stored the answer in its own transaction.</summary>
    public bool Completed { get; private set; }

    /// <summary>The scope of the current request, or null when it presented no key (or its route does not opt in).</summary>
    public static IdempotencyScope? Of(HttpContext context) => context.Features.Get<IdempotencyScope>();

    /// <summary>Stores the answer to replay inside the work's transaction; it commits with the work.</summary>
    public async Task CompleteAsync(DbConnection connection, DbTransaction transaction, int status, string body)
    {
        await IdempotencyKeys.CompleteAsync(connection, transaction, Claim, status, body);
        Completed = true;
    }
}
