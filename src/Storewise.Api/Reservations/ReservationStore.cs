using System.Data.Common;
using System.Text.Json;
using Dapper;
using Storewise.Api.Carts;
using Storewise.Api.Common;
using Storewise.Api.Limits;
using Storewise.Api.Storage;

namespace Storewise.Api.Reservations;

/// <summary>
/// Reservations and the usage they hold (docs/decisions/0602-usage-ledger-and-reservations.md). Each state change has
/// one method here, each one write transaction: <see cref="ReserveAsync"/> (created), <see cref="ConfirmAsync"/>
/// (confirmed), <see cref="ReleaseAsync"/> (released), <see cref="ExpireWithinAsync"/> (expired) and
/// <see cref="RollBackOrderWithinAsync"/> (a confirmed reservation rolled back with its order).
/// </summary>
public sealed class ReservationStore(Database database, CartPricing pricing, ObjectIds ids, TimeProvider clock)
{
    // Each attempt prices with fresh counters; a limit taken meanwhile by another order is priced without next time.
    private const int MaxAttempts = 8;

    private static readonly JsonSerializerOptions AnswerJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Prices the cart and holds everything the price uses, in one transaction; if a counter filled up between
    /// pricing and holding, prices again with what is left. <paramref name="beforeCommit"/> records the answer
    /// (the idempotency record) inside the same transaction.
    /// </summary>
    public async Task<ReservationOutcome> ReserveAsync(
        string tenant, ParsedReservation request, Func<DbConnection, DbTransaction, ReservationResponse, Task>? beforeCommit, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var now = clock.GetUtcNow();
            var priced = await pricing.PriceWithUsageAsync(tenant, request.Cart, now, explain: false);
            var grants = UsageGrants.Of(priced, request.Cart);
            var id = ids.NewId();
            var reservation = new ReservationResponse
            {
                Id = id,
                OrderId = request.OrderId,
                Status = ReservationStatus.Reserved,
                ExpiresAt = Timestamps.Rfc3339(now + request.Ttl),
                Cart = CartResponseMapper.Map(request.Request, request.Cart, priced.Result),
            };
            var outcome = await database.WriteAsync(
                async (connection, tx) =>
                {
                    var inserted = await connection.ExecuteAsync(
                        """
                        INSERT INTO reservations (tenant, id, order_id, status, expires_at, created_at, updated_at, answer)
                        VALUES (@tenant, @id, @orderId, @status, @expiresAt, @now, @now, @answer)
                        ON CONFLICT DO NOTHING
                        """,
                        new
                        {
                            tenant,
                            id,
                            orderId = request.OrderId,
                            status = ReservationStatus.Reserved,
                            expiresAt = Timestamps.ToUnixMs(now + request.Ttl),
                            now = Timestamps.ToUnixMs(now),
                            answer = JsonSerializer.Serialize(reservation, AnswerJson),
                        },
                        tx);
                    if (inserted == 0)
                    {
                        return WriteOutcome.RollBack<ReservationOutcome?>(ReservationOutcome.Failed(
                            StatusCodes.Status409Conflict, "order_already_reserved", $"order '{request.OrderId}' already has a live reservation"));
                    }

                    if (await UsageLedger.HoldAsync(connection, tx, tenant, id, request.OrderId, grants) is not null)
                    {
                        return WriteOutcome.RollBack<ReservationOutcome?>(null); // taken meanwhile: price again
                    }

                    if (beforeCommit is not null)
                    {
                        await beforeCommit(connection, tx, reservation);
                    }

                    return WriteOutcome.Commit<ReservationOutcome?>(ReservationOutcome.Done(reservation, StatusCodes.Status201Created));
                },
                cancellationToken);
            if (outcome is not null)
            {
                return outcome;
            }
        }

        return ReservationOutcome.Failed(
            StatusCodes.Status409Conflict, "limits_contended", "the offers' limits kept changing while the cart was reserved; try again");
    }

    /// <summary>Confirms a reservation (idempotent); 409 once it is released or expired, 404 when unknown.</summary>
    public Task<ReservationOutcome> ConfirmAsync(string tenant, string id, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, tx) =>
            {
                var row = await ReadAsync(connection, tx, tenant, id);
                if (row is null)
                {
                    return WriteOutcome.RollBack(NotFound(id));
                }

                var now = Timestamps.ToUnixMs(clock.GetUtcNow());
                if (row.Status == ReservationStatus.Reserved && row.ExpiresAt <= now)
                {
                    // Past its time but not swept yet: it expires now, and a late confirm must not revive it.
                    await ExpireWithinAsync(connection, tx, tenant, id, now);
                    return WriteOutcome.Commit(Gone(id, ReservationStatus.Expired));
                }

                if (row.Status is ReservationStatus.Released or ReservationStatus.Expired)
                {
                    return WriteOutcome.RollBack(Gone(id, row.Status));
                }

                if (row.Status == ReservationStatus.Reserved)
                {
                    await SetStatusAsync(connection, tx, tenant, id, ReservationStatus.Reserved, ReservationStatus.Confirmed, now);
                    await UsageLedger.ConfirmAsync(connection, tx, tenant, id);
                }

                return WriteOutcome.Commit(ReservationOutcome.Done(Answer(row, ReservationStatus.Confirmed), StatusCodes.Status200OK));
            },
            cancellationToken);

    /// <summary>Releases a reservation and gives its usage back (idempotent); a confirmed one stays confirmed (409).</summary>
    public Task<ReservationOutcome> ReleaseAsync(string tenant, string id, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, tx) =>
            {
                var row = await ReadAsync(connection, tx, tenant, id);
                if (row is null)
                {
                    return WriteOutcome.RollBack(NotFound(id));
                }

                if (row.Status == ReservationStatus.Confirmed)
                {
                    return WriteOutcome.RollBack(ReservationOutcome.Failed(
                        StatusCodes.Status409Conflict, "reservation_confirmed", $"reservation '{id}' is confirmed; roll its order back instead"));
                }

                if (row.Status == ReservationStatus.Reserved)
                {
                    await SetStatusAsync(connection, tx, tenant, id, ReservationStatus.Reserved, ReservationStatus.Released, Timestamps.ToUnixMs(clock.GetUtcNow()));
                    await UsageLedger.ReleaseAsync(connection, tx, tenant, id);
                    return WriteOutcome.Commit(ReservationOutcome.Done(Answer(row, ReservationStatus.Released), StatusCodes.Status204NoContent));
                }

                return WriteOutcome.RollBack(ReservationOutcome.Done(Answer(row, row.Status), StatusCodes.Status204NoContent));
            },
            cancellationToken);

    /// <summary>Expires one reservation past its time, if it is still reserved; false when someone else moved it first.</summary>
    public static async Task<bool> ExpireWithinAsync(DbConnection connection, DbTransaction tx, string tenant, string id, long now)
    {
        if (!await SetStatusAsync(connection, tx, tenant, id, ReservationStatus.Reserved, ReservationStatus.Expired, now))
        {
            return false;
        }

        await UsageLedger.ReleaseAsync(connection, tx, tenant, id);
        return true;
    }

    /// <summary>
    /// Rolls back the confirmed reservation of an order inside the redemption rollback's transaction, giving back
    /// exactly its grants. Returns whether there was one.
    /// </summary>
    public static async Task<bool> RollBackOrderWithinAsync(DbConnection connection, DbTransaction tx, string tenant, string orderId, long now)
    {
        var id = await connection.ExecuteScalarAsync<string?>(
            "SELECT id FROM reservations WHERE tenant = @tenant AND order_id = @orderId AND status = @confirmed",
            new { tenant, orderId, confirmed = ReservationStatus.Confirmed },
            tx);
        if (id is null || !await SetStatusAsync(connection, tx, tenant, id, ReservationStatus.Confirmed, ReservationStatus.Released, now))
        {
            return false;
        }

        await UsageLedger.ReleaseAsync(connection, tx, tenant, id);
        return true;
    }

    private static async Task<bool> SetStatusAsync(DbConnection connection, DbTransaction tx, string tenant, string id, string from, string to, long now) =>
        await connection.ExecuteAsync(
            "UPDATE reservations SET status = @to, updated_at = @now WHERE tenant = @tenant AND id = @id AND status = @from",
            new { tenant, id, from, to, now },
            tx) == 1;

    private static async Task<ReservationRow?> ReadAsync(DbConnection connection, DbTransaction tx, string tenant, string id) =>
        await connection.QuerySingleOrDefaultAsync<ReservationRow>(
            "SELECT status AS Status, expires_at AS ExpiresAt, answer AS Answer FROM reservations WHERE tenant = @tenant AND id = @id",
            new { tenant, id },
            tx);

    private static ReservationResponse Answer(ReservationRow row, string status) =>
        JsonSerializer.Deserialize<ReservationResponse>(row.Answer, AnswerJson)! with { Status = status };

    private static ReservationOutcome NotFound(string id) =>
        ReservationOutcome.Failed(StatusCodes.Status404NotFound, "reservation_not_found", $"reservation '{id}' does not exist");

    private static ReservationOutcome Gone(string id, string status) =>
        ReservationOutcome.Failed(StatusCodes.Status409Conflict, "reservation_" + status, $"reservation '{id}' is {status}");

    // A class with setters, so Dapper converts SQLite's and PostgreSQL's types alike.
    private sealed class ReservationRow
    {
        public string Status { get; set; } = "";

        public long ExpiresAt { get; set; }

        public string Answer { get; set; } = "";
    }
}
