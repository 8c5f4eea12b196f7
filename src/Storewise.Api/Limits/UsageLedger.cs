using System.Data.Common;
using System.Text;
using Dapper;
using Storewise.Api.Events;
using Storewise.Api.Storage;

namespace Storewise.Api.Limits;

/// <summary>
/// The ledger of usage grants and the counters it keeps (docs/decisions/0602-usage-ledger-and-reservations.md).
/// Every change runs inside the caller's write transaction: a hold moves each counter with its capacity in the
/// statement's <c>WHERE</c> and records a grant row, so the counters always equal the sum of the live grants. A hold
/// is one round trip whatever the number of grants (docs/decisions/0606-one-round-trip-per-hold.md).
/// </summary>
public static class UsageLedger
{
    private const string Reserved = "reserved";
    private const string Confirmed = "confirmed";

    /// <summary>
    /// Holds every grant for <paramref name="holdId"/> (a reservation, or one redemption call), or finds the first
    /// counter that has no room and returns it as refused (the caller rolls back: all or nothing). Budget counters
    /// this hold filled for the first time are marked and returned, so their event is written once. <c>first</c> is a
    /// statement sent ahead of the hold in the same round trip (a reservation's own insert), which must return a row
    /// for the hold to stand; when it returns none, nothing is held and <see cref="LedgerHold.FirstRefused"/> says so.
    /// <c>redeemed</c> records the grants as confirmed at once (the redemption route's). <c>events</c> go to the outbox in
    /// the same round trip (the caller's rollback removes them with the rest when the hold does not stand).
    /// </summary>
    public static async Task<LedgerHold> HoldAsync(
        DbConnection connection, DbTransaction transaction, string tenant, string holdId, string orderId, IReadOnlyList<UsageGrant> grants, long now,
        (string Sql, object Parameters)? first = null, bool redeemed = false, OutboxBatch? events = null)
    {
        if (grants.Count == 0 && first is null && events is null)
        {
            return new LedgerHold(null, []);
        }

        // One lock order for every transaction (codes before counters, each by offer then name), so two holds over
        // the same rows cannot deadlock; the redemption route locks its codes in the same order.
        var ordered = grants.OrderBy(g => g.IsCode ? 0 : 1).ThenBy(g => g.OfferId, StringComparer.Ordinal).ThenBy(g => g.Counter, StringComparer.Ordinal).ToList();
        if (ordered.FirstOrDefault(g => g.Amount > g.Capacity) is { } tooLarge)
        {
            return new LedgerHold(tooLarge, []);
        }

        var sql = new StringBuilder();
        // A redemption's grants are confirmed uses from the start; a reservation's are held until it is confirmed.
        var parameters = new DynamicParameters(new { tenant, holdId, orderId, state = redeemed ? Confirmed : Reserved });
        if (first is { } lead)
        {
            sql.AppendLine(lead.Sql.TrimEnd().TrimEnd(';') + ";");
            parameters.AddDynamicParams(lead.Parameters);
        }

        // The ledger rows and the events go in the same round trip, ahead of the counters: a counter's row stays locked
        // from its update to the commit, so nothing else of the batch runs while it is held. If a counter refuses, the
        // caller's rollback removes them too.
        if (events is not null)
        {
            sql.Append(events.Sql);
            parameters.AddDynamicParams(events.Parameters);
        }

        if (ordered.Count > 0)
        {
            sql.AppendLine("INSERT INTO usage_grants (tenant, reservation_id, offer_id, counter, order_id, code, customer_key, store_id, period, amount, state) VALUES");
            sql.AppendJoin(",\n", ordered.Select((_, i) => $"(@tenant, @holdId, @o{i}, @c{i}, @orderId, @k{i}, @u{i}, @s{i}, @p{i}, @a{i}, @state)"));
            sql.AppendLine(" RETURNING counter;");
        }

        for (var i = 0; i < ordered.Count; i++)
        {
            var grant = ordered[i];
            parameters.Add($"o{i}", grant.OfferId);
            parameters.Add($"c{i}", grant.Counter);
            parameters.Add($"a{i}", grant.Amount);
            parameters.Add($"cap{i}", grant.Capacity);
            parameters.Add($"k{i}", grant.Code);
            parameters.Add($"u{i}", grant.CustomerKey);
            parameters.Add($"s{i}", grant.StoreId);
            parameters.Add($"p{i}", grant.Period);
            sql.AppendLine(grant.IsCode
                ? $"""
                   UPDATE coupon_codes SET held = held + @a{i}
                   WHERE tenant = @tenant AND coupon_id = @o{i} AND code_key = @k{i} AND active AND redemptions + held + @a{i} <= @cap{i}
                   RETURNING held;
                   """
                : $"""
                   INSERT INTO usage_counters (tenant, offer_id, counter, used) VALUES (@tenant, @o{i}, @c{i}, @a{i})
                   ON CONFLICT (tenant, offer_id, counter) DO UPDATE SET used = usage_counters.used + excluded.used
                   WHERE usage_counters.used + excluded.used <= @cap{i}
                   RETURNING used;
                   """);
        }

        var filled = new List<UsageGrant>();
        UsageGrant? refused = null;
        var deliveries = 0;
        using (var results = await connection.QueryMultipleAsync(sql.ToString(), parameters, transaction))
        {
            if (first is not null && !(await results.ReadAsync<object>()).Any())
            {
                return new LedgerHold(null, [], FirstRefused: true);
            }

            if (events is not null)
            {
                deliveries = await events.ReadDeliveriesAsync(results);
            }

            if (ordered.Count > 0)
            {
                await results.ReadAsync<string>();
            }

            foreach (var grant in ordered)
            {
                var used = (await results.ReadAsync<long>()).AsList();
                if (used.Count == 0)
                {
                    refused ??= grant;
                }
                else if (grant.IsBudget && used[0] == grant.Capacity)
                {
                    filled.Add(grant);
                }
            }
        }

        if (refused is not null)
        {
            return new LedgerHold(refused, []);
        }

        return new LedgerHold(null, filled.Count == 0 ? [] : await MarkExhaustedAsync(connection, transaction, tenant, filled, now), Deliveries: deliveries);
    }

    /// <summary>
    /// Marks the held grants of reservation <c>@reservationId</c> (of <c>@tenant</c>) confirmed and returns them, once the
    /// reservation itself is confirmed; the counters keep them. Sent by the confirm in the round trip that confirms the
    /// reservation, so it flips nothing when that statement did not. The reservation's state is tested in a CASE, so that
    /// a plan made once for all reservations while the table was empty finds it by the primary key and not through the
    /// live-order index, whose predicate a plain <c>status = 'confirmed'</c> implies
    /// (docs/decisions/0610-reservation-confirm-by-primary-key.md).
    /// </summary>
    public const string ConfirmSql = $"""
        UPDATE usage_grants SET state = '{Confirmed}'
        WHERE tenant = @tenant AND reservation_id = @reservationId AND state = '{Reserved}'
          AND EXISTS (SELECT 1 FROM reservations r WHERE r.tenant = @tenant AND r.id = @reservationId AND CASE WHEN r.status = '{Confirmed}' THEN 1 ELSE 0 END = 1)
        RETURNING offer_id AS OfferId, counter AS Counter, code AS Code, amount AS Amount;
        """;

    /// <summary>
    /// Gives back exactly what the hold's live grants hold and marks them released. Only the rows this call flips are
    /// given back, so two releases of one hold cannot both give it back. A confirmed code use is a redemption by
    /// then, and is given back by the redemption's rollback instead.
    /// </summary>
    public static async Task ReleaseAsync(DbConnection connection, DbTransaction transaction, string tenant, string holdId)
    {
        List<HeldGrant> reserved;
        List<HeldGrant> confirmed;
        // Planned for this hold, as the confirm's update is (docs/decisions/0608-reservation-throughput.md): a plan made for
        // any hold while the ledger was small scans every grant of the tenant.
        using (var flipped = await connection.QueryMultipleAsync(
            $"""
            {SqlDialect.Of(connection).PlanForTheseParameters}
            UPDATE usage_grants SET state = 'released' WHERE tenant = @tenant AND reservation_id = @holdId AND state = '{Reserved}'
            RETURNING offer_id AS OfferId, counter AS Counter, code AS Code, amount AS Amount;
            UPDATE usage_grants SET state = 'released' WHERE tenant = @tenant AND reservation_id = @holdId AND state = '{Confirmed}'
            RETURNING offer_id AS OfferId, counter AS Counter, code AS Code, amount AS Amount;
            """,
            new { tenant, holdId },
            transaction))
        {
            reserved = (await flipped.ReadAsync<HeldGrant>()).AsList();
            confirmed = (await flipped.ReadAsync<HeldGrant>()).AsList();
        }

        var giveBack = reserved.Concat(confirmed.Where(g => !g.IsCode))
            .OrderBy(g => g.IsCode ? 0 : 1).ThenBy(g => g.OfferId, StringComparer.Ordinal).ThenBy(g => g.Counter, StringComparer.Ordinal)
            .ToList();
        if (giveBack.Count == 0)
        {
            return;
        }

        var parameters = new DynamicParameters(new { tenant });
        var sql = string.Join('\n', giveBack.Select((grant, i) =>
        {
            parameters.Add($"o{i}", grant.OfferId);
            parameters.Add($"c{i}", grant.Counter);
            parameters.Add($"k{i}", grant.Code);
            parameters.Add($"a{i}", grant.Amount);
            return grant.IsCode
                ? $"UPDATE coupon_codes SET held = held - @a{i} WHERE tenant = @tenant AND coupon_id = @o{i} AND code_key = @k{i};"
                : $"UPDATE usage_counters SET used = used - @a{i} WHERE tenant = @tenant AND offer_id = @o{i} AND counter = @c{i};";
        }));
        await connection.ExecuteAsync(sql, parameters, transaction);
    }

    // Only the first transaction to fill a counter sets its mark; the others (a budget filled again after a release) do not.
    private static async Task<List<UsageGrant>> MarkExhaustedAsync(DbConnection connection, DbTransaction transaction, string tenant, List<UsageGrant> filled, long now)
    {
        var parameters = new DynamicParameters(new { tenant, now });
        var sql = string.Join('\n', filled.Select((grant, i) =>
        {
            parameters.Add($"o{i}", grant.OfferId);
            parameters.Add($"c{i}", grant.Counter);
            return $"UPDATE usage_counters SET exhausted_at = @now WHERE tenant = @tenant AND offer_id = @o{i} AND counter = @c{i} AND exhausted_at IS NULL RETURNING counter;";
        }));
        var marked = new List<UsageGrant>();
        using var results = await connection.QueryMultipleAsync(sql, parameters, transaction);
        foreach (var grant in filled)
        {
            if ((await results.ReadAsync<string>()).Any())
            {
                marked.Add(grant);
            }
        }

        return marked;
    }
}
