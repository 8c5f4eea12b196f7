using System.Data.Common;
using System.Security.Cryptography;
using Dapper;
using Storewise.Api.Common;
using Storewise.Api.Storage;

namespace Storewise.Api.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> records with Stripe's semantics (docs/spec.md §D7): the key is claimed by an insert that
/// cannot race (ON CONFLICT DO NOTHING), the answer is stored with it, and a retry replays that answer.
/// Keys are kept 24 hours; expired ones are deleted lazily when the tenant presents a key.
/// </summary>
public sealed class IdempotencyKeys(Database database, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 255;

    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>A request still "in flight" after this long died with its server; its key may be claimed again.</summary>
    public static readonly TimeSpan InFlightTimeout = TimeSpan.FromMinutes(1);

    public static string Hash(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    public async Task<IdempotencyClaim> ClaimAsync(string tenant, string key, string requestHash, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var args = new
        {
            tenant,
            key,
            requestHash,
            now = Timestamps.ToUnixMs(now),
            expired = Timestamps.ToUnixMs(now - Retention),
            stale = Timestamps.ToUnixMs(now - InFlightTimeout),
        };
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM idempotency_keys WHERE tenant = @tenant AND created_at < @expired", args);
        var inserted = await connection.ExecuteAsync(
            """
            INSERT INTO idempotency_keys (tenant, idem_key, request_hash, state, created_at)
            VALUES (@tenant, @key, @requestHash, 'in_flight', @now)
            ON CONFLICT DO NOTHING
            """,
            args);
        if (inserted == 1)
        {
            return new IdempotencyClaim(IdempotencyClaimKind.Claimed, tenant, key);
        }

        var existing = await connection.QuerySingleOrDefaultAsync<KeyRow>(
            "SELECT request_hash AS RequestHash, state AS State, status AS Status, body AS Body FROM idempotency_keys WHERE tenant = @tenant AND idem_key = @key",
            args);
        if (existing is null)
        {
            return await ClaimAsync(tenant, key, requestHash, cancellationToken); // deleted meanwhile: try again
        }

        if (!string.Equals(existing.RequestHash, requestHash, StringComparison.Ordinal))
        {
            return new IdempotencyClaim(IdempotencyClaimKind.BodyMismatch, tenant, key);
        }

        if (existing.State == "done")
        {
            return new IdempotencyClaim(IdempotencyClaimKind.Replay, tenant, key, (int)(existing.Status ?? 200), existing.Body);
        }

        // In flight: taken over only when its owner evidently died (again a conditional update, never check-then-act).
        var reclaimed = await connection.ExecuteAsync(
            """
            UPDATE idempotency_keys SET created_at = @now
            WHERE tenant = @tenant AND idem_key = @key AND state = 'in_flight' AND request_hash = @requestHash AND created_at < @stale
            """,
            args);
        return new IdempotencyClaim(reclaimed == 1 ? IdempotencyClaimKind.Claimed : IdempotencyClaimKind.InFlight, tenant, key);
    }

    /// <summary>Stores the answer to replay; pass the transaction of the work so both commit together.</summary>
    public static Task CompleteAsync(DbConnection connection, DbTransaction? transaction, IdempotencyClaim claim, int status, string body) =>
        connection.ExecuteAsync(
            "UPDATE idempotency_keys SET state = 'done', status = @status, body = @body WHERE tenant = @Tenant AND idem_key = @Key",
            new { claim.Tenant, claim.Key, status, body },
            transaction);

    public async Task CompleteAsync(IdempotencyClaim claim, int status, string body)
    {
        await using var connection = await database.OpenAsync();
        await CompleteAsync(connection, null, claim, status, body);
    }

    /// <summary>Frees the key after a failure that must not be replayed (a 5xx), so a retry runs again.</summary>
    public async Task ReleaseAsync(IdempotencyClaim claim)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            "DELETE FROM idempotency_keys WHERE tenant = @Tenant AND idem_key = @Key AND state = 'in_flight'", new { claim.Tenant, claim.Key });
    }

    private sealed class KeyRow
    {
        public string RequestHash { get; init; } = "";

        public string State { get; init; } = "";

        public long? Status { get; init; }

        public string? Body { get; init; }
    }
}
