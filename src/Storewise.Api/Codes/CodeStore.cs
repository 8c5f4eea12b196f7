using System.Data.Common;
using Dapper;
using Storewise.Api.Common;
using Storewise.Api.Events;
using Storewise.Api.Storage;

namespace Storewise.Api.Codes;

/// <summary>Storage of coupon codes: create (all or nothing), list, switch active.</summary>
public sealed class CodeStore(Database database, TimeProvider clock, ObjectIds ids, ListWarming warming)
{
    private const string Columns = "id AS Id, coupon_id AS CouponId, code AS Code, active AS Active, redemptions AS Redemptions";

    private const string List = "tenant = @tenant AND coupon_id = @couponId";

    /// <summary>Creates every code or none: null when the coupon is unknown, otherwise the outcome.</summary>
    /// <remarks>
    /// A plain write, not a catalogue write: pricing reads the submitted codes live, so new codes need no cache rebuild.
    /// </remarks>
    public async Task<CreateCodesOutcome?> CreateAsync(string tenant, string couponId, IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        var outcome = await database.WriteAsync((connection, tx) => CreateWithinAsync(connection, tx, tenant, couponId, codes), cancellationToken);
        if (outcome is { ExistingCode: null, Created.Count: > 0 })
        {
            CodesAdded(tenant, couponId);
        }

        return outcome;
    }

    /// <summary>
    /// Reports codes committed to the coupon's list (here or by an import's batch): once writes to it go quiet, this
    /// instance reads the list's boundaries in the background (docs/decisions/0526-warm-boundaries-after-writes.md).
    /// </summary>
    public void CodesAdded(string tenant, string couponId) =>
        warming.Moved(ListKey(tenant, couponId), cancellationToken => WarmAsync(tenant, couponId, cancellationToken));

    /// <summary>Reports that an import into the coupon's list has ended: its boundaries are read at once, not after the quiet period.</summary>
    public void CodesSettled(string tenant, string couponId) =>
        warming.Settled(ListKey(tenant, couponId), cancellationToken => WarmAsync(tenant, couponId, cancellationToken));

    /// <summary>The name of a coupon's code list in <see cref="ListPositions"/>.</summary>
    internal static string ListKey(string tenant, string couponId) => $"codes\n{tenant}\n{couponId}";

    // Reads and keeps the boundaries of a code list long enough to have deep pages, unless they are kept already.
    private Task WarmAsync(string tenant, string couponId, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                if (await CouponListSizes.GetCodesAsync(connection, tenant, couponId) is { } size && size.Total > ListPositions.Stride)
                {
                    await database.Lists.WarmAsync(
                        ListKey(tenant, couponId), size.Generation, Boundaries(connection, tenant, couponId), GenerationNow(connection, tenant, couponId));
                }

                return true;
            }, cancellationToken: cancellationToken);

    private static Func<Task<IEnumerable<string>>> Boundaries(DbConnection connection, string tenant, string couponId) =>
        () => connection.QueryAsync<string>(ListPositions.BoundariesSql("id", "coupon_codes", List), new { tenant, couponId });

    private static Func<Task<long>> GenerationNow(DbConnection connection, string tenant, string couponId) =>
        async () => (await CouponListSizes.GetCodesAsync(connection, tenant, couponId))?.Generation ?? 0;

    private async Task<WriteOutcome<CreateCodesOutcome?>> CreateWithinAsync(
        DbConnection connection, DbTransaction tx, string tenant, string couponId, IReadOnlyList<string> codes)
    {
        if (!await CouponReferences.ExistsAsync(connection, tenant, couponId, tx))
        {
            return WriteOutcome.RollBack<CreateCodesOutcome?>(null);
        }

        var now = Timestamps.ToUnixMs(clock.GetUtcNow());
        var created = new List<CodeRow>(codes.Count);
        foreach (var code in codes)
        {
            var row = new CodeRow { Id = ids.NewId(), CouponId = couponId, Code = code, Active = true, Redemptions = 0 };
            // ON CONFLICT DO NOTHING: a code taken by anyone (also concurrently) is a 0-row insert, never an exception.
            var inserted = await connection.ExecuteAsync(
                """
                INSERT INTO coupon_codes (tenant, id, coupon_id, code, code_key, active, redemptions, created_at)
                VALUES (@tenant, @Id, @CouponId, @Code, @key, @Active, 0, @now)
                ON CONFLICT DO NOTHING
                """,
                new { tenant, row.Id, row.CouponId, row.Code, key = CodeText.Key(code), row.Active, now },
                tx);
            if (inserted == 0)
            {
                return WriteOutcome.RollBack<CreateCodesOutcome?>(new CreateCodesOutcome([], code));
            }

            created.Add(row);
        }

        await CouponListSizes.AddAsync(connection, tx, tenant, couponId, CouponListSizes.Codes, created.Count);
        return WriteOutcome.Commit<CreateCodesOutcome?>(new CreateCodesOutcome(created, null)).WithEvents(created.Select(c => Changed(EventTypes.CodeCreated, tenant, c)));
    }

    /// <summary>
    /// One page of a coupon's codes, oldest first; null when the coupon is unknown. The total is the kept list size and
    /// a deep page seeks by id from the nearest boundary (docs/decisions/0512-keyset-paging.md).
    /// </summary>
    public async Task<(IReadOnlyList<CodeRow> Rows, long Total)?> ListAsync(string tenant, string couponId, PageRequest page, CancellationToken cancellationToken)
    {
        return await database.ReadAsync<(IReadOnlyList<CodeRow> Rows, long Total)?>(
            async connection =>
            {
                if (await CouponListSizes.GetCodesAsync(connection, tenant, couponId) is not { } size)
                {
                    return null;
                }

                var total = size.Total;

                if (page.Offset >= total)
                {
                    return ([], total);
                }

                var seek = await database.Lists.SeekAsync(
                    ListKey(tenant, couponId), size.Generation, page.Offset, Boundaries(connection, tenant, couponId), GenerationNow(connection, tenant, couponId));
                var rows = await connection.QueryAsync<CodeRow>(
                    $"SELECT {Columns} FROM coupon_codes WHERE {List}{(seek.HasAfter ? " AND id > @After" : "")} ORDER BY id LIMIT @Count OFFSET @Skip",
                    new { tenant, couponId, page.Count, seek.After, seek.Skip });
                return (rows.AsList(), total);
            }, cancellationToken: cancellationToken);
    }

    /// <summary>The code as stored, read on the primary: the update route reads it before it writes.</summary>
    public async Task<CodeRow?> GetAsync(string tenant, string couponId, string codeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<CodeRow>(
            $"SELECT {Columns} FROM coupon_codes WHERE tenant = @tenant AND coupon_id = @couponId AND id = @codeId",
            new { tenant, couponId, codeId });
    }

    /// <summary>Sets <c>active</c>; a real change bumps the catalogue version in the same transaction. Null when unknown.</summary>
    public Task<CodeRow?> SetActiveAsync(string tenant, string couponId, string codeId, bool active, CancellationToken cancellationToken) =>
        database.WriteCatalogueAsync(tenant, async (connection, tx) =>
        {
            var changed = await connection.ExecuteAsync(
                "UPDATE coupon_codes SET active = @active WHERE tenant = @tenant AND coupon_id = @couponId AND id = @codeId AND active <> @active",
                new { tenant, couponId, codeId, active },
                tx);
            var row = await connection.QuerySingleOrDefaultAsync<CodeRow>(
                $"SELECT {Columns} FROM coupon_codes WHERE tenant = @tenant AND coupon_id = @couponId AND id = @codeId",
                new { tenant, couponId, codeId },
                tx);
            return changed > 0 ? WriteOutcome.Commit(row).WithEvent(Changed(EventTypes.CodeUpdated, tenant, row!)) : WriteOutcome.RollBack(row);
        }, cancellationToken);

    private OutboxEvent Changed(string type, string tenant, CodeRow code) =>
        OutboxEvent.Create(type, tenant, code.Id, clock.GetUtcNow(), new CodeEvent(code.CouponId, code.ToResource()));
}
