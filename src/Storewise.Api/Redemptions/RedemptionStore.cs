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
            SELECT c.id AS Id, c.code AS Code, c.code_key AS CodeKey, c.coupon_id AS CouponId, c.active AS Active, c.redemptions + c.held AS Redemptions,
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
            if (RedemptionEligibility.Check(requested, code, coupons, redemption, now, code is null ? null : usage.For(code.CouponId)) is { } failure)
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
        // Codes are locked in the ledger's order (coupon, then code key), so two orders sharing codes, or an order and a
        // reservation, cannot deadlock on them.
        foreach (var (requested, code, singleUse, perCode) in accepted.OrderBy(a => a.Code.CouponId, StringComparer.Ordinal).ThenBy(a => a.Code.CodeKey, StringComparer.Ordinal))
        {
            // The per-code limit sits in the WHERE too, counting the uses reservations hold
            // (docs/decisions/0604-reservations-hold-code-uses.md).
            var counts = (await connection.QueryAsync<long>(
                """
                UPDATE coupon_codes SET redemptions = redemptions + 1
                WHERE tenant = @tenant AND id = @Id AND active AND (NOT @singleUse OR redemptions + held = 0) AND redemptions + held < @perCode
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

            redeemed.Add(new RedeemedCode(code.Code, code.Id, code.CouponId, counts[0], Timestamps.Rfc3339(now)));
        }

        // The count limits are held in the ledger like a reservation's, in this transaction: a limit taken meanwhile by
        // another instance refuses here, and the rollback leaves nothing half-written
        // (docs/decisions/0603-redemptions-through-the-ledger-hold.md).
        var holdId = ids.NewId();
        var grants = CountGrants(usage, accepted.Select(a => (a.Code.CouponId, a.Code.CodeKey)));
        var hold = await UsageLedger.HoldAsync(connection, tx, tenant, holdId, redemption.OrderId, grants, at, redeemed: true);
        if (hold.Refused is { } refused)
        {
            var requested = accepted.First(a => a.Code.CouponId == refused.OfferId).Requested;
            return WriteOutcome.RollBack(RedemptionOutcome.Failed([RedemptionEligibility.FailureFor(VerdictOf(refused), requested, null, redemption.Currency)!]));
        }

        // The rows of coupons the hold counts carry its id, so the reader does not count them a second time.
        var counted = grants.Select(g => g.OfferId).ToHashSet(StringComparer.Ordinal);
        foreach (var (requested, code, _, _) in accepted)
        {
            var recorded = await RedemptionRows.InsertAsync(connection, tx, new NewRedemption(
                tenant, ids.NewId(), redemption.OrderId, code.Id, code.Code, code.CouponId, redemption.ConsumerId, redemption.ChannelType, at,
                counted.Contains(code.CouponId) ? holdId : null));
            if (!recorded)
            {
                return WriteOutcome.RollBack(RedemptionOutcome.Failed([RedemptionFailure.OrderAlreadyRedeemed(requested, redemption.OrderId)]));
            }
        }

        var order = redemption.Codes.Select(CodeText.Key).ToList();
        var receipt = new RedemptionReceipt(
            redemption.OrderId,
            redeemed.OrderBy(r => order.IndexOf(CodeText.Key(r.Code))).ToList());
        if (beforeCommit is not null)
        {
            await beforeCommit(connection, tx, receipt);
        }

        return WriteOutcome.Commit(RedemptionOutcome.Succeeded(receipt))
            .WithEvent(OutboxEvent.Create(EventTypes.RedemptionCreated, tenant, redemption.OrderId, now, receipt))
            .WithEvents(hold.Exhausted.Select(grant => BudgetExhaustion.Event(tenant, grant, now)));
    }

    // One grant per count counter of each limited coupon, taking one use per code of it; money budgets count only
    // through reservations, because a redemption carries no discount amount.
    private static List<UsageGrant> CountGrants(CountLimits usage, IEnumerable<(string CouponId, string CodeKey)> codes)
    {
        var grants = new List<UsageGrant>();
        foreach (var coupon in codes.GroupBy(c => c.CouponId, StringComparer.Ordinal))
        {
            if (!usage.Snapshot.Counters.TryGetValue(coupon.Key, out var counters) || !usage.Snapshot.Capacities.TryGetValue(coupon.Key, out var capacities))
            {
                continue;
            }

            foreach (var (counter, capacity) in capacities.Where(c => c.Key != counters.MoneyCounter))
            {
                grants.Add(new UsageGrant(coupon.Key, counter, coupon.Count(), capacity, coupon.First().CodeKey, counters.CustomerKey, null, counters.Period));
            }
        }

        return grants;
    }

    private static EligibilityVerdict VerdictOf(UsageGrant refused) =>
        refused.Counter.StartsWith(UsageCounters.CustomerPrefix, StringComparison.Ordinal) ? EligibilityVerdict.CustomerLimitReached
        : refused.IsBudget ? EligibilityVerdict.BudgetExhausted
        : EligibilityVerdict.LimitReached;

    // What is left of the count limits of the limited coupons, read in this transaction; a redemption carries no
    // amount, so money budgets do not apply to it (docs/decisions/0602-usage-ledger-and-reservations.md).
    private static async Task<CountLimits> CountLimitsAsync(
        DbConnection connection, DbTransaction tx, string tenant, PromotionCatalog coupons, IEnumerable<RedeemableCode> codes, Redemption redemption, DateTimeOffset now)
    {
        var limited = codes.Select(c => c.CouponId).Distinct(StringComparer.Ordinal).Where(id => coupons.FindLimitedOffer(id) is not null).ToList();
        if (limited.Count == 0)
        {
            return CountLimits.None;
        }

        var order = new Pricing.Cart { Currency = redemption.Currency, CustomerId = redemption.ConsumerId, Items = [] };
        var read = await OfferUsageReader.ReadAsync(connection, tx, tenant, coupons, limited, order, now);
        return new CountLimits(read);
    }

    private Task<int?> TryRollBackAsync(string tenant, string orderId, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, tx) => RollBackWithinAsync(connection, tx, tenant, orderId), cancellationToken);

    private async Task<WriteOutcome<int?>> RollBackWithinAsync(DbConnection connection, DbTransaction tx, string tenant, string orderId)
    {
        var at = clock.GetUtcNow();
        var now = Timestamps.ToUnixMs(at);
        // Only rows this statement flips are decremented: a concurrent rollback of the same order gets none of them.
        var flipped = (await connection.QueryAsync<(string CodeId, string? HoldId)>(
            """
            UPDATE redemptions SET rolled_back_at = @now
            WHERE tenant = @tenant AND order_id = @orderId AND rolled_back_at IS NULL
            RETURNING code_id, hold_id
            """,
            new { tenant, orderId, now },
            tx)).AsList();
        var codeIds = flipped.Select(f => f.CodeId).ToList();
        foreach (var group in codeIds.GroupBy(id => id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            await connection.ExecuteAsync(
                "UPDATE coupon_codes SET redemptions = redemptions - @count WHERE tenant = @tenant AND id = @id",
                new { tenant, id = group.Key, count = group.Count() },
                tx);
        }

        // The ledger gives back what the redemptions held, and the order's confirmed reservation, if any, exactly what it
        // holds (docs/decisions/0602-usage-ledger-and-reservations.md).
        foreach (var holdId in flipped.Select(f => f.HoldId).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            await UsageLedger.ReleaseAsync(connection, tx, tenant, holdId);
        }

        var reservationReleased = await ReservationStore.RollBackOrderWithinAsync(connection, tx, tenant, orderId, at);
        if (codeIds.Count == 0)
        {
            var known = reservationReleased is not null ? 1 : await connection.ExecuteScalarAsync<int?>(
                "SELECT 1 FROM redemptions WHERE tenant = @tenant AND order_id = @orderId LIMIT 1", new { tenant, orderId }, tx);
            var nothing = WriteOutcome.Commit<int?>(known is null ? null : 0);
            return reservationReleased is null ? nothing : nothing.WithEvent(reservationReleased);
        }

        var outcome = WriteOutcome.Commit<int?>(codeIds.Count)
            .WithEvent(OutboxEvent.Create(EventTypes.RedemptionRolledBack, tenant, orderId, at, new RolledBackRedemptions(orderId, codeIds.Count)));
        return reservationReleased is null ? outcome : outcome.WithEvent(reservationReleased);
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
