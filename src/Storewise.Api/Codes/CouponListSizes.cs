using System.Data.Common;
using Dapper;

namespace Storewise.Api.Codes;

/// <summary>
/// The sizes of a coupon's code list and import list (<c>coupon_list_sizes</c>), moved in the transaction that adds
/// to them. The import list never loses a row, so its size is both its total and its generation for keyset paging
/// (docs/decisions/0512-keyset-paging.md). The code list loses the codes of a rejected upload, so its generation
/// also counts the codes ever removed (docs/decisions/0517-imports-settle-while-streaming.md).
/// </summary>
public static class CouponListSizes
{
    public const string Codes = "codes";
    public const string Imports = "imports";

    /// <summary>Adds <paramref name="rows"/> to the <paramref name="list"/> size (<see cref="Codes"/> or <see cref="Imports"/>).</summary>
    public static Task AddAsync(DbConnection connection, DbTransaction transaction, string tenant, string couponId, string list, long rows)
    {
        var column = Column(list);
        return rows == 0
            ? Task.CompletedTask
            : connection.ExecuteAsync(
                $"""
                INSERT INTO coupon_list_sizes (tenant, coupon_id, {column}) VALUES (@tenant, @couponId, @rows)
                ON CONFLICT (tenant, coupon_id) DO UPDATE SET {column} = coupon_list_sizes.{column} + @rows
                """,
                new { tenant, couponId, rows },
                transaction);
    }

    /// <summary>Takes <paramref name="rows"/> removed codes off the code list's size; its generation still moves forward.</summary>
    public static Task RemoveCodesAsync(DbConnection connection, DbTransaction transaction, string tenant, string couponId, long rows) =>
        rows == 0
            ? Task.CompletedTask
            : connection.ExecuteAsync(
                """
                UPDATE coupon_list_sizes SET codes = codes - @rows, codes_removed = codes_removed + @rows
                WHERE tenant = @tenant AND coupon_id = @couponId
                """,
                new { tenant, couponId, rows },
                transaction);

    /// <summary>
    /// The size of the coupon's code list and its generation, or null when the coupon is unknown. The generation is the
    /// codes ever added plus the codes ever removed (size + 2 × removed), so it moves with every change of the list.
    /// </summary>
    public static Task<CodeListSize?> GetCodesAsync(DbConnection connection, string tenant, string couponId) =>
        connection.QuerySingleOrDefaultAsync<CodeListSize?>(
            """
            SELECT COALESCE(s.codes, 0) AS Total, COALESCE(s.codes + 2 * s.codes_removed, 0) AS Generation
            FROM offers o LEFT JOIN coupon_list_sizes s ON s.tenant = o.tenant AND s.coupon_id = o.id
            WHERE o.tenant = @tenant AND o.id = @couponId AND o.type = 'coupon'
            """,
            new { tenant, couponId });

    /// <summary>The size of the coupon's <paramref name="list"/>, or null when the coupon is unknown: one round trip for both.</summary>
    public static Task<long?> GetAsync(DbConnection connection, string tenant, string couponId, string list) =>
        connection.QuerySingleOrDefaultAsync<long?>(
            $"""
            SELECT COALESCE((SELECT {Column(list)} FROM coupon_list_sizes s WHERE s.tenant = o.tenant AND s.coupon_id = o.id), 0)
            FROM offers o WHERE o.tenant = @tenant AND o.id = @couponId AND o.type = 'coupon'
            """,
            new { tenant, couponId });

    // The column is chosen by this class's constants, never by a caller's text.
    private static string Column(string list) =>
        list is Codes or Imports ? list : throw new ArgumentOutOfRangeException(nameof(list), list, "not a coupon list");
}
