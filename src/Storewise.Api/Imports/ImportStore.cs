using Dapper;
using Storewise.Api.Codes;
using Storewise.Api.Common;
using Storewise.Api.Storage;

namespace Storewise.Api.Imports;

/// <summary>The import records the API reads and the upload writes.</summary>
public sealed class ImportStore(Database database, TimeProvider clock)
{
    internal const string Columns =
        "tenant AS Tenant, id AS Id, coupon_id AS CouponId, status AS Status, total_rows AS TotalRows, next_seq AS NextSeq, " +
        "processed AS Processed, created AS Created, errors AS Errors, failure AS Failure, attempts AS Attempts, updated_at AS UpdatedAt";

    /// <summary>
    /// Registers an upload in progress (not listed until <see cref="MarkCreatedAsync"/>), held by <paramref name="owner"/>
    /// while it settles rows as they stream in; false when the coupon is unknown.
    /// </summary>
    public Task<bool> StartUploadAsync(string tenant, string couponId, string importId, string owner, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, tx) =>
        {
            if (!await CouponReferences.ExistsAsync(connection, tenant, couponId, tx))
            {
                return WriteOutcome.RollBack(false);
            }

            var now = Timestamps.ToUnixMs(clock.GetUtcNow());
            await connection.ExecuteAsync(
                """
                INSERT INTO code_imports (tenant, id, coupon_id, status, lease_owner, created_at, updated_at)
                VALUES (@tenant, @importId, @couponId, @status, @owner, @now, @now)
                """,
                new { tenant, importId, couponId, status = ImportStatus.Uploading, owner, now },
                tx);
            return WriteOutcome.Commit(true);
        }, cancellationToken);

    /// <summary>
    /// The upload is complete: the import becomes visible and claimable (the upload's lease is dropped; the counters
    /// keep what was settled while it streamed), and the coupon's import list one longer.
    /// </summary>
    public Task<ImportRow> MarkCreatedAsync(string tenant, string importId, int totalRows, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, tx) =>
        {
            var row = await connection.QuerySingleAsync<ImportRow>(
                $"""
                UPDATE code_imports SET status = @created, total_rows = @totalRows, lease_owner = NULL, lease_until = NULL, updated_at = @now
                WHERE tenant = @tenant AND id = @importId AND status = @uploading
                RETURNING {Columns}
                """,
                new
                {
                    tenant,
                    importId,
                    totalRows,
                    created = ImportStatus.Created,
                    uploading = ImportStatus.Uploading,
                    now = Timestamps.ToUnixMs(clock.GetUtcNow()),
                },
                tx);
            await CouponListSizes.AddAsync(connection, tx, tenant, row.CouponId, CouponListSizes.Imports, 1);
            return WriteOutcome.Commit(row);
        }, cancellationToken);

    /// <summary>Forgets a rejected upload: what of it was staged, and the codes it created while it streamed.</summary>
    public Task DiscardUploadAsync(string tenant, string importId) =>
        database.WriteAsync(async (connection, tx) => WriteOutcome.Commit(await UploadDiscard.WithinAsync(connection, tx, tenant, importId, long.MaxValue)));

    public async Task<ImportRow?> GetAsync(string tenant, string couponId, string importId, CancellationToken cancellationToken)
    {
        return await database.ReadAsync<ImportRow?>(
            async connection =>
            {
                return await connection.QuerySingleOrDefaultAsync<ImportRow>(
                    $"SELECT {Columns} FROM code_imports WHERE tenant = @tenant AND coupon_id = @couponId AND id = @importId AND status <> @uploading",
                    new { tenant, couponId, importId, uploading = ImportStatus.Uploading });
            }, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// One page of a coupon's imports, oldest first; null when the coupon is unknown. The total is the kept list size
    /// and a deep page seeks by id (docs/decisions/0512-keyset-paging.md).
    /// </summary>
    public async Task<(IReadOnlyList<ImportRow> Rows, long Total)?> ListAsync(string tenant, string couponId, PageRequest page, CancellationToken cancellationToken)
    {
        return await database.ReadAsync<(IReadOnlyList<ImportRow> Rows, long Total)?>(
            async connection =>
            {
                if (await CouponListSizes.GetAsync(connection, tenant, couponId, CouponListSizes.Imports) is not { } total)
                {
                    return null;
                }

                if (page.Offset >= total)
                {
                    return ([], total);
                }

                const string List = "tenant = @tenant AND coupon_id = @couponId AND status <> @uploading";
                var args = new { tenant, couponId, uploading = ImportStatus.Uploading };
                var seek = await database.Lists.SeekAsync(
                    $"imports\n{tenant}\n{couponId}",
                    total,
                    page.Offset,
                    () => connection.QueryAsync<string>(ListPositions.BoundariesSql("id", "code_imports", List), args),
                    async () => await CouponListSizes.GetAsync(connection, tenant, couponId, CouponListSizes.Imports) ?? 0);
                var rows = await connection.QueryAsync<ImportRow>(
                    $"SELECT {Columns} FROM code_imports WHERE {List}{(seek.HasAfter ? " AND id > @After" : "")} ORDER BY id LIMIT @Count OFFSET @Skip",
                    new { args.tenant, args.couponId, args.uploading, page.Count, seek.After, seek.Skip });
                return (rows.AsList(), total);
            }, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// One page of an import's error report, in file order. The total is the import's error counter, moved with the
    /// rows it counts, and a deep page seeks by staging sequence (docs/decisions/0512-keyset-paging.md).
    /// </summary>
    public async Task<(IReadOnlyList<ImportErrorItem> Items, long Total)> ListErrorsAsync(string tenant, string importId, PageRequest page, CancellationToken cancellationToken)
    {
        return await database.ReadAsync<(IReadOnlyList<ImportErrorItem> Items, long Total)>(
            async connection =>
            {
                var args = new { tenant, importId };
                Task<long> Errors() => connection.ExecuteScalarAsync<long>("SELECT errors FROM code_imports WHERE tenant = @tenant AND id = @importId", args);
                var total = await Errors();
                if (page.Offset >= total)
                {
                    return ([], total);
                }

                const string List = "tenant = @tenant AND import_id = @importId";
                var seek = await database.Lists.SeekAsync(
                    $"import-errors\n{tenant}\n{importId}",
                    total,
                    page.Offset,
                    () => connection.QueryAsync<long>(ListPositions.BoundariesSql("seq", "code_import_errors", List), args),
                    Errors);
                var rows = await connection.QueryAsync<(long Line, string Code, string Reason)>(
                    $"SELECT CAST(line AS BIGINT), code, reason FROM code_import_errors WHERE {List}{(seek.HasAfter ? " AND seq > @After" : "")} ORDER BY seq LIMIT @Count OFFSET @Skip",
                    new { tenant, importId, page.Count, seek.After, seek.Skip });
                return (rows.Select(r => new ImportErrorItem(r.Line, r.Code, r.Reason, ImportErrorReason.Describe(r.Reason))).ToList(), total);
            }, cancellationToken: cancellationToken);
    }
}
