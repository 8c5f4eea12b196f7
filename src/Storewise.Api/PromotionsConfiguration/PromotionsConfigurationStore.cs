using System.Data.Common;
using System.Text.Json;
using Dapper;

namespace Storewise.Api.PromotionsConfiguration;

/// <summary>
/// SQL for the per-tenant promotions configuration (<c>product_exclusions</c>, <c>coupon_stacking</c>). The
/// readers are public for the cart pricing. Writes with an expected version are conditional statements, so a
/// stale writer gets nothing written (null) instead of overwriting.
/// </summary>
public static class PromotionsConfigurationStore
{
    public static async Task<ExclusionList> GetExclusionsAsync(DbConnection connection, string tenant, DbTransaction? transaction = null)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ExclusionRow>(
            "SELECT ids AS Ids, version AS Version, created_at AS CreatedAt, created_by AS CreatedBy, updated_at AS UpdatedAt, updated_by AS UpdatedBy FROM product_exclusions WHERE tenant = @tenant",
            new { tenant },
            transaction);
        return row is null ? ExclusionList.Empty(tenant) : row.ToList(tenant);
    }

    /// <summary>Stores the list; with <paramref name="expectedVersion"/> only if that is still the stored version.</summary>
    public static async Task<ExclusionList?> PutExclusionsAsync(
        DbConnection connection, DbTransaction transaction, string tenant, IReadOnlyList<string> ids, string? expectedVersion, string version, long now, string user)
    {
        var parameters = new { tenant, ids = JsonSerializer.Serialize(ids), version, now, user, expectedVersion };
        const string Returning = "RETURNING ids AS Ids, version AS Version, created_at AS CreatedAt, created_by AS CreatedBy, updated_at AS UpdatedAt, updated_by AS UpdatedBy";
        var row = expectedVersion is null
            ? await connection.QuerySingleAsync<ExclusionRow>(
                $"""
                INSERT INTO product_exclusions (tenant, ids, version, created_at, created_by, updated_at, updated_by)
                VALUES (@tenant, @ids, @version, @now, @user, @now, @user)
                ON CONFLICT (tenant) DO UPDATE SET ids = excluded.ids, version = excluded.version,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by
                {Returning}
                """,
                parameters,
                transaction)
            : await connection.QuerySingleOrDefaultAsync<ExclusionRow>(
                $"""
                UPDATE product_exclusions SET ids = @ids, version = @version, updated_at = @now, updated_by = @user
                WHERE tenant = @tenant AND version = @expectedVersion
                {Returning}
                """,
                parameters,
                transaction);
        return row?.ToList(tenant);
    }

    public static Task<int> DeleteExclusionsAsync(DbConnection connection, DbTransaction transaction, string tenant) =>
        connection.ExecuteAsync("DELETE FROM product_exclusions WHERE tenant = @tenant", new { tenant }, transaction);

    public static async Task<CouponStacking> GetCouponStackingAsync(DbConnection connection, string tenant, DbTransaction? transaction = null)
    {
        var row = await connection.QuerySingleOrDefaultAsync<StackingRow>(
            $"SELECT {StackingColumns} FROM coupon_stacking WHERE tenant = @tenant",
            new { tenant },
            transaction);
        return row is null ? CouponStacking.Default(tenant) : row.ToStacking(tenant);
    }

    /// <summary>Stores the mode; with <paramref name="expectedVersion"/> only if that is still the stored version.</summary>
    public static async Task<CouponStacking?> PutCouponStackingAsync(
        DbConnection connection, DbTransaction transaction, string tenant, bool stackable, string? expectedVersion, string version, long now, string user)
    {
        var parameters = new { tenant, stackable, version, now, user, expectedVersion };
        var row = expectedVersion is null
            ? await connection.QuerySingleAsync<StackingRow>(
                $"""
                INSERT INTO coupon_stacking (tenant, stackable, version, updated_at, updated_by)
                VALUES (@tenant, @stackable, @version, @now, @user)
                ON CONFLICT (tenant) DO UPDATE SET stackable = excluded.stackable, version = excluded.version,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by
                RETURNING {StackingColumns}
                """,
                parameters,
                transaction)
            : await connection.QuerySingleOrDefaultAsync<StackingRow>(
                $"""
                UPDATE coupon_stacking SET stackable = @stackable, version = @version, updated_at = @now, updated_by = @user
                WHERE tenant = @tenant AND version = @expectedVersion
                RETURNING {StackingColumns}
                """,
                parameters,
                transaction);
        return row?.ToStacking(tenant);
    }

    // The flag is read as 0/1 so the same mapping works for SQLite INTEGER and PostgreSQL BOOLEAN.
    private const string StackingColumns =
        "CASE WHEN stackable THEN 1 ELSE 0 END AS Stackable, version AS Version, updated_at AS UpdatedAt, updated_by AS UpdatedBy";

    private sealed class ExclusionRow
    {
        public string Ids { get; set; } = "[]";
        public string Version { get; set; } = "";
        public long CreatedAt { get; set; }
        public string CreatedBy { get; set; } = "";
        public long UpdatedAt { get; set; }
        public string UpdatedBy { get; set; } = "";

        public ExclusionList ToList(string tenant) => new(
            tenant,
            JsonSerializer.Deserialize<string[]>(Ids) ?? [],
            DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
            CreatedBy,
            DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt),
            UpdatedBy,
            Version);
    }

    private sealed class StackingRow
    {
        public int Stackable { get; set; }
        public string Version { get; set; } = "";
        public long UpdatedAt { get; set; }
        public string UpdatedBy { get; set; } = "";

        public CouponStacking ToStacking(string tenant) =>
            new(tenant, Stackable != 0, DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt), UpdatedBy, Version);
    }
}
