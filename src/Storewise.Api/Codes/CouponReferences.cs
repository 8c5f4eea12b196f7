using System.Data.Common;
using Dapper;

namespace Storewise.Api.Codes;

/// <summary>Looks up the coupon a code route names; coupons live in <c>offers</c> with type 'coupon'.</summary>
public static class CouponReferences
{
    public static async Task<bool> ExistsAsync(DbConnection connection, string tenant, string couponId, DbTransaction? transaction = null) =>
        await connection.ExecuteScalarAsync<int?>(
            "SELECT 1 FROM offers WHERE tenant = @tenant AND id = @couponId AND type = 'coupon'",
            new { tenant, couponId },
            transaction) is not null;
}
