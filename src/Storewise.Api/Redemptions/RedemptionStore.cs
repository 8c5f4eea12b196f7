using System.Data.Common;
using Dapper;
using Storewise.Api.Codes;
using Storewise.Api.Common;
using Storewise.Api.Limits;
using Storewise.Api.Events;
using Storewise.Api.Offers;
using Storewise.Api.Reservations;
using Storewise.Api.Storage;
using Storewise.Pricing;

namespace Storewise.Api.Redemptions;

/// <summary>
/// Redeems codes and rolls orders back, race-free by construction: every counter change is a conditional
/// UPDATE whose affected-row count decides, paired in the same transaction with a ledger row guarded by a
/// unique index, so <c>coupon_codes.redemptions</c> always equals the code's live ledger rows.
/// </summary>
public sealed class RedemptionStore(Database database, TimeProvider clock, ObjectIds ids)
{
    private const int Attempts = 5;

    /// <summary>
    /// Redeems every code of <paramref name="redemption"/> or none. <paramref name="beforeCommit"/> runs inside the
    /// transaction on success (the idempotency record commits with the redemption).
    /// </summary>
    public Task<RedemptionOutcome> RedeemAsync(
        string tenant, Redemption redemption, Func<DbConnection, DbTransaction, RedemptionReceipt, Task>? beforeCommit, CancellationToken cancellationToken) =>
        RetryOnDeadlockAsync(() => TryRedeemAsync(tenant, redemption, beforeCommit, cancellationToken));

    /// <summary>Rolls back the order's live redemptions; null when the order never redeemed anything.</summary>
    public Task<int?> RollBackAsync(string tenant, string orderId, CancellationToken cancellationToken) =>
        RetryOnDeadlockAsync(() => TryRollBackAsync(tenant, orderId, cancellationToken));

    private Task<RedemptionOutcome> TryRedeemAsync(
        string tenant, Redemption redemption, Func<DbConnection, DbTransaction, RedemptionReceipt, Task>? beforeCommit, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, tx) => RedeemWithinAsync(connection, tx, tenant, redemption, beforeCommit), cancellationToken);

    private async Task<WriteOutcome<RedemptionOutcome>> RedeemWithinAsync(
        DbConnection connection, DbTransaction tx, string tenant, Redemption redemption, Func<DbConnection, DbTransaction, RedemptionReceipt, Task>? beforeCommit)
    {
        var keys = redemption.Codes.Select(CodeText.Key).ToArray();
        var anyKey = database.Dialect.In("c.code_key", "keys");
        var stored = (await connection.QueryAsync<RedeemableCode>(
            $"""
            SELECT c.id AS Id, c.code AS Code, c.code_key AS CodeKey, c.coupon_id AS CouponId, c.active AS Active, c.redemptions AS Redemptions,
                   o.active AS CouponActive, o.valid_from AS ValidFrom, o.valid_to AS ValidTo, o.document AS Document
            FROM coupon_codes c
            LEFT JOIN offers o ON o.tenant = c.tenant AND o.id = c.coupon_id AND o.type = 'coupon'
            WHERE c.tenant = @tenant AND {anyKey}
            """,
            new { tenant, keys },
            tx)).ToDictionary(c => c.CodeKey, StringComparer.Ordinal);

        // Decided on the coupon rows read in this transaction, so no stale catalogue can let a code through.
        var coupons = RedemptionEligibility.Compile(stored.Values
            .Where(c => c.Document is not null)
            .DistinctBy(c => c.CouponId, StringComparer.Ordinal)
            .Select(c => OfferDocuments.Parse(OfferType.Coupon, c.Document!)));
        var now = clock.GetUtcNow();
        var usage = await CountLimitsAsync(connection, tx, tenant, coupons, stored.Values, redemption, now);
        var failures = new List<RedemptionFailure>();
        var accepted = new List<(string Requested, RedeemableCode Code, bool SingleUse, int PerCode)>();
        foreach (var requested in redemption.Codes)
        {
            var code = stored.GetValueOrDefault(CodeText.Key(requested));
            if (RedemptionEligibility.Check(requested, code, coupons, redemption, now, code is null ? null : usage.GetValueOrDefault(code.CouponId)) is { } failure)
            {
                failures.Add(failure);
            }
            else
            {
                var coupon = coupons.FindCoupon(code!.CouponId)!;
                accepted.Add((requested, code, coupon.SingleUse, coupon.UsageTerms?.MaxRedemptionsPerCode ?? int.MaxValue));
            }
        }

        if (failures.Count > 0)
        {
            return WriteOutcome.RollBack(RedemptionOutcome.Failed(failures));
        }

        var at = Timestamps.ToUnixMs(now);
        var redeemed = new List<RedeemedCode>();
        // Codes are locked in id order, so two orders sharing codes cannot deadlock on them.
        foreach (var (requested, code, singleUse, perCode) in accepted.OrderBy(a => a.Code.Id, StringComparer.Ordinal))
        {
            // The per-code limit sits in the WHERE too (docs/decisions/0602-usage-ledger-and-reservations.md).
            var counts = (await connection.QueryAsync<long>(
                """
                UPDATE coupon_codes SET redemptions = redemptions + 1
                WHERE tenant = @tenant AND id = @Id AND active AND (NOT @singleUse OR redemptions = 0) AND redemptions < @perCode
                RETURNING redemptions
                """,
                new { tenant, code.Id, singleUse, perCode },
                tx)).AsList();
            if (counts.Count == 0)
            {
                var verdict = singleUse ? EligibilityVerdict.AlreadyRedeemed
                    : perCode != int.MaxValue ? EligibilityVerdict.LimitReached
                    : EligibilityVerdict.CodeInactive;
                return WriteOutcome.RollBack(RedemptionOutcome.Failed([RedemptionEligibility.FailureFor(verdict, requested, null, redemption.Currency)!]));
            }

            var recorded = await connection.ExecuteAsync(
                """
                INSERT INTO redemptions (tenant, id, order_id, code_id, code, coupon_id, consumer_id, channel_type, redeemed_at)
                VALUES (@tenant, @id, @OrderId, @codeId, @code, @couponId, @ConsumerId, @ChannelType, @at)
                ON CONFLICT DO NOTHING
                """,
                new
                {
                    tenant,
                    id = ids.NewId(),
                    redemption.OrderId,
                    codeId = code.Id,
                    code = code.Code,
                    couponId = code.CouponId,
                    redemption.ConsumerId,
                    redemption.ChannelType,
                    at,
                },
                tx);
            if (recorded == 0)
            {
                return WriteOutcome.RollBack(RedemptionOutcome.Failed([RedemptionFailure.OrderAlreadyRedeemed(requested, redemption.OrderId)]));
            }

            redeemed.Add(new RedeemedCode(code.Code, code.Id, code.CouponId, counts[0], Timestamps.Rfc3339(now)));
        }

        var order = redemption.Codes.Select(CodeText.Key).ToList();
        var receipt = new RedemptionReceipt(
            redemption.OrderId,
            redeemed.OrderBy(r => order.IndexOf(CodeText.Key(r.Code))).ToList());
        if (beforeCommit is not null)
        {
            await beforeCommit(connection, tx, receipt);
        }

        return WriteOutcome.Commit(RedemptionOutcome.Succeeded(receipt)).WithEvent(OutboxEvent.Create(EventTypes.RedemptionCreated, tenant, redemption.OrderId, now, receipt));
    }

    // What is left of the count limits of the limited coupons, read in this transaction; a redemption carries no
    // amount, so money budgets do not apply to it (docs/decisions/0602-usage-ledger-and-reservations.md).
    private static async Task<Dictionary<string, OfferUsage>> CountLimitsAsync(
        DbConnection connection, DbTransaction tx, string tenant, PromotionCatalog coupons, IEnumerable<RedeemableCode> codes, Redemption redemption, DateTimeOffset now)
    {
        var limited = codes.Select(c => c.CouponId).Distinct(StringComparer.Ordinal).Where(id => coupons.FindLimitedOffer(id) is not null).ToList();
        if (limited.Count == 0)
        {
            return [];
        }

        var order = new Pricing.Cart { Currency = redemption.Currency, CustomerId = redemption.ConsumerId, Items = [] };
        var read = await OfferUsageReader.ReadAsync(connection, tx, tenant, coupons, limited, order, now);
        return read.Usage.ToDictionary(u => u.Key, u => u.Value with { RemainingBudget = null }, StringComparer.Ordinal);
    }

    private Task<int?> TryRollBackAsync(string tenant, string orderId, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, tx) => RollBackWithinAsync(connection, tx, tenant, orderId), cancellationToken);

    private async Task<WriteOutcome<int?>> RollBackWithinAsync(DbConnection connection, DbTransaction tx, string tenant, string orderId)
    {
        var now = Timestamps.ToUnixMs(clock.GetUtcNow());
        // Only rows this statement flips are decremented: a concurrent rollback of the same order gets none of them.
        var codeIds = (await connection.QueryAsync<string>(
            """
            UPDATE redemptions SET rolled_back_at = @now
            WHERE tenant = @tenant AND order_id = @orderId AND rolled_back_at IS NULL
            RETURNING code_id
            """,
            new { tenant, orderId, now },
            tx)).AsList();
        // The order's confirmed reservation, if any, gives back exactly what it holds (docs/decisions/0602-usage-ledger-and-reservations.md).
        var reservationRolledBack = await ReservationStore.RollBackOrderWithinAsync(connection, tx, tenant, orderId, now);
        if (codeIds.Count == 0)
        {
            var known = reservationRolledBack ? 1 : await connection.ExecuteScalarAsync<int?>(
                "SELECT 1 FROM redemptions WHERE tenant = @tenant AND order_id = @orderId LIMIT 1", new { tenant, orderId }, tx);
            return WriteOutcome.Commit<int?>(known is null ? null : 0);
        }

        foreach (var group in codeIds.GroupBy(id => id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            await connection.ExecuteAsync(
                "UPDATE coupon_codes SET redemptions = redemptions - @count WHERE tenant = @tenant AND id = @id",
                new { tenant, id = group.Key, count = group.Count() },
                tx);
        }

        return WriteOutcome.Commit<int?>(codeIds.Count).WithEvent(OutboxEvent.Create(EventTypes.RedemptionRolledBack, tenant, orderId, clock.GetUtcNow(), new RolledBackRedemptions(orderId, codeIds.Count)));
    }

    // A deadlock victim committed nothing, so it is simply run again.
    private async Task<T> RetryOnDeadlockAsync<T>(Func<Task<T>> attempt)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                return await attempt();
            }
            catch (DbException e) when (database.Dialect.IsRetryableConflict(e) && i < Attempts)
            {
                await Task.Delay(Random.Shared.Next(1, 10 * i));
            }
        }
    }
}
