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

    /// <summary>Registers an upload in progress (not listed until <see cref="MarkCreatedAsync"/>); false when the coupon is unknown.</summary>
    public Task<bool> StartUploadAsync(string tenant, string couponId, string importId, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, tx) =>
        {
            if (!await CouponReferences.ExistsAsync(connection, tenant, couponId, tx))
            {
                return WriteOutcome.RollBack(false);
            }

            var now = Timestamps.ToUnixMs(clock.GetUtcNow());
            await connection.ExecuteAsync(
                """
                INSERT INTO code_imports (tenant, id, coupon_id, status, created_at, updated_at)
                VALUES (@tenant, @importId, @couponId, @status, @now, @now)
                """,
                new { tenant, importId, couponId, status = ImportStatus.Uploading, now },
                tx);
            return WriteOutcome.Commit(true);
        }, cancellationToken);

    /// <summary>The upload is complete: the import becomes visible and claimable.</summary>
    public async Task<ImportRow> MarkCreatedAsync(string tenant, string importId, int totalRows, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<ImportRow>(
            $"""
            UPDATE code_imports SET status = @created, total_rows = @totalRows, updated_at = @now
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
            });
    }

    /// <summary>Forgets a rejected upload and whatever of it was staged.</summary>
    public Task DiscardUploadAsync(string tenant, string importId) =>
        database.WriteAsync(async (connection, tx) =>
        {
            await connection.ExecuteAsync("DELETE FROM code_import_rows WHERE tenant = @tenant AND import_id = @importId", new { tenant, importId }, tx);
            return WriteOutcome.Commit(await connection.ExecuteAsync("DELETE FROM code_imports WHERE tenant = @tenant AND id = @importId", new { tenant, importId }, tx));
        });

    public async Task<ImportRow?> GetAsync(string tenant, string couponId, string importId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ImportRow>(
            $"SELECT {Columns} FROM code_imports WHERE tenant = @tenant AND coupon_id = @couponId AND id = @importId AND status <> @uploading",
            new { tenant, couponId, importId, uploading = ImportStatus.Uploading });
    }

    /// <summary>One page of a coupon's imports, oldest first; null when the coupon is unknown.</summary>
    public async Task<(IReadOnlyList<ImportRow> Rows, long Total)?> ListAsync(string tenant, string couponId, PageRequest page, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (!await CouponReferences.ExistsAsync(connection, tenant, couponId))
        {
            return null;
        }

        var args = new { tenant, couponId, uploading = ImportStatus.Uploading, page.Count, page.Offset };
        var total = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM code_imports WHERE tenant = @tenant AND coupon_id = @couponId AND status <> @uploading", args);
        var rows = await connection.QueryAsync<ImportRow>(
            $"SELECT {Columns} FROM code_imports WHERE tenant = @tenant AND coupon_id = @couponId AND status <> @uploading ORDER BY id LIMIT @Count OFFSET @Offset",
            args);
        return (rows.AsList(), total);
    }

    /// <summary>One page of an import's error report, in file order.</summary>
    public async Task<(IReadOnlyList<ImportErrorItem> Items, long Total)> ListErrorsAsync(string tenant, string importId, PageRequest page, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var args = new { tenant, importId, page.Count, page.Offset };
        var total = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM code_import_errors WHERE tenant = @tenant AND import_id = @importId", args);
        var rows = await connection.QueryAsync<(long Line, string Code, string Reason)>(
            "SELECT CAST(line AS BIGINT), code, reason FROM code_import_errors WHERE tenant = @tenant AND import_id = @importId ORDER BY seq LIMIT @Count OFFSET @Offset",
            args);
        return (rows.Select(r => new ImportErrorItem(r.Line, r.Code, r.Reason, ImportErrorReason.Describe(r.Reason))).ToList(), total);
    }
}
