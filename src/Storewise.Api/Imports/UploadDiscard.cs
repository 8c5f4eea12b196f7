using System.Data.Common;
using Dapper;
using Storewise.Api.Codes;

namespace Storewise.Api.Imports;

/// <summary>
/// Removes an upload that never became an import (rejected, or abandoned when its server died): the codes its rows
/// created while it streamed, its staged rows and its record, in the caller's transaction. A code that was redeemed or
/// held in the meantime stays, so no redemption or hold loses its code
/// (docs/decisions/0517-imports-settle-while-streaming.md).
/// </summary>
internal static class UploadDiscard
{
    /// <summary>False when the import is not an upload last touched before <paramref name="updatedBefore"/>.</summary>
    public static async Task<bool> WithinAsync(DbConnection connection, DbTransaction tx, string tenant, string importId, long updatedBefore)
    {
        var couponId = await connection.QuerySingleOrDefaultAsync<string>(
            """
            DELETE FROM code_imports
            WHERE tenant = @tenant AND id = @importId AND status = @uploading AND updated_at < @updatedBefore
            RETURNING coupon_id
            """,
            new { tenant, importId, uploading = ImportStatus.Uploading, updatedBefore },
            tx);
        if (couponId is null)
        {
            return false;
        }

        // The import's code ids are its own (ImportCodeIds): a stored code of the coupon with the import's id prefix is one
        // this upload created. Read by the coupon's index, never by a join a planner with stale statistics could loop over.
        var prefix = await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT code_id FROM code_import_rows WHERE tenant = @tenant AND import_id = @importId AND seq = 0", new { tenant, importId }, tx);
        var removed = prefix is null ? 0 : await connection.ExecuteAsync(
            $"""
            DELETE FROM coupon_codes
            WHERE tenant = @tenant AND coupon_id = @couponId AND redemptions = 0 AND held = 0
              AND SUBSTR(id, 1, {ImportCodeIds.PrefixLength}) = @prefix
            """,
            new { tenant, couponId, prefix = prefix[..ImportCodeIds.PrefixLength] },
            tx);
        await CouponListSizes.RemoveCodesAsync(connection, tx, tenant, couponId, removed);
        await connection.ExecuteAsync("DELETE FROM code_import_rows WHERE tenant = @tenant AND import_id = @importId", new { tenant, importId }, tx);
        return true;
    }
}
