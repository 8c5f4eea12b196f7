using System.Data.Common;
using System.Text.Json;
using Dapper;
using Storewise.Api.Carts;
using Storewise.Api.Common;
using Storewise.Api.Events;
using Storewise.Api.Limits;
using Storewise.Api.Redemptions;
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
        // The first attempt prices limited promotions as if they had room and reads no usage: its hold stands exactly
        // when they had, and otherwise the attempts after it read the usage (docs/decisions/0609-reserve-without-the-usage-read.md).
        for (var attempt = 0; attempt <= MaxAttempts; attempt++)
        {
            var now = clock.GetUtcNow();
            var priced = attempt == 0
                ? await pricing.PriceAssumingRoomAsync(tenant, request.Cart, now)
                : await pricing.PriceWithUsageAsync(tenant, request.Cart, now, explain: false);
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
                    // The reservation's row and its hold in one round trip (docs/decisions/0606-one-round-trip-per-hold.md),
                    // each statement planned once per connection (docs/decisions/0610-reservation-confirm-by-primary-key.md).
                    var insert = (
                        $"""
                        {database.Dialect.PlanKeyedStatementsOnce}
                        INSERT INTO reservations (tenant, id, order_id, status, expires_at, created_at, updated_at, answer)
                        VALUES (@tenant, @id, @reservedOrderId, @status, @expiresAt, @reservedAt, @reservedAt, @answer)
                        ON CONFLICT DO NOTHING
                        RETURNING id
                        """,
                        (object)new
                        {
                            id,
                            reservedOrderId = request.OrderId,
                            status = ReservationStatus.Reserved,
                            expiresAt = Timestamps.ToUnixMs(now + request.Ttl),
                            reservedAt = Timestamps.ToUnixMs(now),
                            answer = JsonSerializer.Serialize(reservation, AnswerJson),
                        });
                    // Its event too: the hold's round trip writes it, and a hold that does not stand rolls it back.
                    var created = Outbox.Prepare([Event(EventTypes.ReservationCreated, tenant, reservation, now)], "e");
                    var hold = await UsageLedger.HoldAsync(connection, tx, tenant, id, request.OrderId, grants, Timestamps.ToUnixMs(now), insert, events: created);
                    if (hold.FirstRefused)
                    {
                        return WriteOutcome.RollBack<ReservationOutcome?>(ReservationOutcome.Failed(
                            StatusCodes.Status409Conflict, "order_already_reserved", $"order '{request.OrderId}' already has a live reservation"));
                    }

                    if (!hold.Held)
                    {
                        return WriteOutcome.RollBack<ReservationOutcome?>(null); // taken meanwhile: price again
                    }

                    if (beforeCommit is not null)
                    {
                        await beforeCommit(connection, tx, reservation);
                    }

                    return (WriteOutcome.Commit<ReservationOutcome?>(ReservationOutcome.Done(reservation, StatusCodes.Status201Created)) with { DeliveriesWritten = hold.Deliveries })
                        .WithEvents(hold.Exhausted.Select(grant => BudgetExhaustion.Event(tenant, grant, now)));
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

    /// <summary>
    /// Moves reservation <c>@id</c> of <c>@tenant</c> from <c>@reserved</c> to <c>@confirmed</c> if it is still in time at
    /// <c>@now</c>, and returns its stored answer. Both conditions sit in one CASE, so that only the primary key serves
    /// it (docs/decisions/0610-reservation-confirm-by-primary-key.md).
    /// </summary>
    public const string ConfirmSql = """
        UPDATE reservations SET status = @confirmed, updated_at = @now
        WHERE tenant = @tenant AND id = @id AND CASE WHEN status = @reserved AND expires_at > @now THEN 1 ELSE 0 END = 1
        RETURNING answer;
        """;

    /// <summary>Confirms a reservation (idempotent); 409 once it is released or expired, 404 when unknown.</summary>
    public Task<ReservationOutcome> ConfirmAsync(string tenant, string id, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, tx) =>
            {
                var at = clock.GetUtcNow();
                var now = Timestamps.ToUnixMs(at);
                // The usual case first, in one round trip: reserved and in time becomes confirmed, and so do its grants.
                string? moved;
                List<HeldGrant> grants;
                // Every statement of the confirm finds its rows by key: each is planned once per connection, never as a
                // scan (a plan made while the ledger was still small would scan it; docs/decisions/0610-reservation-confirm-by-primary-key.md).
                using (var results = await connection.QueryMultipleAsync(
                    $"""
                    {database.Dialect.PlanKeyedStatementsOnce}
                    {ConfirmSql}
                    {UsageLedger.ConfirmSql}
                    """,
                    new { tenant, id, now, confirmed = ReservationStatus.Confirmed, reserved = ReservationStatus.Reserved, reservationId = id },
                    tx))
                {
                    moved = (await results.ReadAsync<string>()).SingleOrDefault();
                    grants = (await results.ReadAsync<HeldGrant>()).AsList();
                }

                if (moved is not null)
                {
                    var confirmed = Answer(moved, ReservationStatus.Confirmed);
                    await RedeemHeldCodesAsync(connection, tx, tenant, id, confirmed, grants.Where(g => g.IsCode).ToList(), now);
                    return WriteOutcome.Commit(ReservationOutcome.Done(confirmed, StatusCodes.Status200OK))
                        .WithEvent(Event(EventTypes.ReservationConfirmed, tenant, confirmed, at));
                }

                var row = await ReadAsync(connection, tx, tenant, id);
                if (row is null)
                {
                    return WriteOutcome.RollBack(NotFound(id));
                }

                if (row.Status == ReservationStatus.Reserved)
                {
                    // Past its time but not swept yet: it expires now, and a late confirm must not revive it.
                    var expired = await ExpireWithinAsync(connection, tx, tenant, id, at);
                    var gone = WriteOutcome.Commit(Gone(id, ReservationStatus.Expired));
                    return expired is null ? gone : gone.WithEvent(expired);
                }

                // Already confirmed: the same answer, nothing changed; released or expired: gone.
                return row.Status == ReservationStatus.Confirmed
                    ? WriteOutcome.RollBack(ReservationOutcome.Done(Answer(row, ReservationStatus.Confirmed), StatusCodes.Status200OK))
                    : WriteOutcome.RollBack(Gone(id, row.Status));
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

                var at = clock.GetUtcNow();
                if (row.Status == ReservationStatus.Reserved
                    && await SetStatusAsync(connection, tx, tenant, id, ReservationStatus.Reserved, ReservationStatus.Released, Timestamps.ToUnixMs(at)) is not null)
                {
                    await UsageLedger.ReleaseAsync(connection, tx, tenant, id);
                    var released = Answer(row, ReservationStatus.Released);
                    return WriteOutcome.Commit(ReservationOutcome.Done(released, StatusCodes.Status204NoContent))
                        .WithEvent(Event(EventTypes.ReservationReleased, tenant, released, at));
                }

                return WriteOutcome.RollBack(ReservationOutcome.Done(Answer(row, row.Status), StatusCodes.Status204NoContent));
            },
            cancellationToken);

    /// <summary>
    /// Expires one reservation past its time, if it is still reserved, and returns its event; null when someone else
    /// moved it first.
    /// </summary>
    public static async Task<OutboxEvent?> ExpireWithinAsync(DbConnection connection, DbTransaction tx, string tenant, string id, DateTimeOffset at)
    {
        if (await SetStatusAsync(connection, tx, tenant, id, ReservationStatus.Reserved, ReservationStatus.Expired, Timestamps.ToUnixMs(at)) is not { } answer)
        {
            return null;
        }

        await UsageLedger.ReleaseAsync(connection, tx, tenant, id);
        return Event(EventTypes.ReservationExpired, tenant, Answer(answer, ReservationStatus.Expired), at);
    }

    /// <summary>
    /// Rolls back the confirmed reservation of an order inside the redemption rollback's transaction, giving back
    /// exactly its grants (its codes' redemptions are rolled back with the order's). Returns its event, or null
    /// when the order had none.
    /// </summary>
    public static async Task<OutboxEvent?> RollBackOrderWithinAsync(DbConnection connection, DbTransaction tx, string tenant, string orderId, DateTimeOffset at)
    {
        var id = await connection.ExecuteScalarAsync<string?>(
            // The status is a literal: a prepared statement's generic plan can use the live-order index only then.
            $"SELECT id FROM reservations WHERE tenant = @tenant AND order_id = @orderId AND status = '{ReservationStatus.Confirmed}'",
            new { tenant, orderId },
            tx);
        if (id is null || await SetStatusAsync(connection, tx, tenant, id, ReservationStatus.Confirmed, ReservationStatus.Released, Timestamps.ToUnixMs(at)) is not { } answer)
        {
            return null;
        }

        await UsageLedger.ReleaseAsync(connection, tx, tenant, id);
        return Event(EventTypes.ReservationReleased, tenant, Answer(answer, ReservationStatus.Released), at);
    }

    // Confirming turns each held code use into a redemption of the order, counted by this reservation's grants.
    private async Task RedeemHeldCodesAsync(
        DbConnection connection, DbTransaction tx, string tenant, string reservationId, ReservationResponse reservation, List<HeldGrant> codes, long now)
    {
        foreach (var grant in codes.OrderBy(g => g.Code, StringComparer.Ordinal))
        {
            // Planned for this code: the confirm plans its statements once for all parameters, and a coupon's codes have
            // two indexes that both match, of which only the code's finds one row.
            var moved = (await connection.QueryAsync<(string Id, string Code)>(
                $"""
                {SqlDialect.Of(connection).PlanForTheseParameters}
                UPDATE coupon_codes SET held = held - @Amount, redemptions = redemptions + @Amount
                WHERE tenant = @tenant AND coupon_id = @OfferId AND code_key = @Code
                RETURNING id, code
                """,
                new { tenant, grant.OfferId, grant.Code, grant.Amount },
                tx)).AsList();
            if (moved.Count == 0)
            {
                continue; // the code is gone with its coupon: nothing left to redeem
            }

            var code = moved[0];
            var recorded = await RedemptionRows.InsertAsync(connection, tx, new NewRedemption(
                tenant, ids.NewId(), reservation.OrderId, code.Id, code.Code, grant.OfferId, reservation.Cart.CustomerId, reservation.Cart.ChannelType, now, reservationId));
            if (!recorded)
            {
                // The order already redeemed this code through the redemption route: that redemption stands, the held use goes back.
                await connection.ExecuteAsync(
                    "UPDATE coupon_codes SET redemptions = redemptions - @Amount WHERE tenant = @tenant AND id = @id",
                    new { tenant, id = code.Id, grant.Amount },
                    tx);
            }
        }
    }

    /// <summary>A reservation event: the order is the subject, as it is the TPPE's session (docs/events.md).</summary>
    private static OutboxEvent Event(string type, string tenant, ReservationResponse reservation, DateTimeOffset at) =>
        OutboxEvent.Create(type, tenant, reservation.OrderId, at, reservation);

    // The one conditional move of a reservation's state; returns the stored answer when this call moved it. The state's
    // condition is a CASE, as in the confirm, so that only the primary key serves it.
    private static async Task<string?> SetStatusAsync(DbConnection connection, DbTransaction tx, string tenant, string id, string from, string to, long now) =>
        await connection.ExecuteScalarAsync<string?>(
            "UPDATE reservations SET status = @to, updated_at = @now WHERE tenant = @tenant AND id = @id AND CASE WHEN status = @from THEN 1 ELSE 0 END = 1 RETURNING answer",
            new { tenant, id, from, to, now },
            tx);

    private static async Task<ReservationRow?> ReadAsync(DbConnection connection, DbTransaction tx, string tenant, string id) =>
        await connection.QuerySingleOrDefaultAsync<ReservationRow>(
            "SELECT status AS Status, expires_at AS ExpiresAt, answer AS Answer FROM reservations WHERE tenant = @tenant AND id = @id",
            new { tenant, id },
            tx);

    private static ReservationResponse Answer(ReservationRow row, string status) => Answer(row.Answer, status);

    private static ReservationResponse Answer(string answer, string status) =>
        JsonSerializer.Deserialize<ReservationResponse>(answer, AnswerJson)! with { Status = status };

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
