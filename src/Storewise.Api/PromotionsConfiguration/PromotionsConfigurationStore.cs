using System.Data.Common;
using System.Text.Json;
using Dapper;
using Storewise.Api.Storage;

namespace Storewise.Api.PromotionsConfiguration;

/// <summary>
/// SQL for the per-tenant promotions configuration (<c>product_exclusions</c>, <c>coupon_stacking</c>). The
/// readers are public for the cart pricing. Writes with an expected version are conditional statements, so a
/// stale writer gets nothing written (null) instead of overwriting.
/// </summary>
public static class PromotionsConfigurationStore
{
    private const string ExclusionColumns = "ids AS Ids, version AS Version, created_at AS CreatedAt, created_by AS CreatedBy, updated_at AS UpdatedAt, updated_by AS UpdatedBy";

    private static readonly VersionedRows Exclusions = new("product_exclusions", [("tenant", "tenant")], [("ids", "ids")], ExclusionColumns, TracksCreation: true);

    public static async Task<ExclusionList> GetExclusionsAsync(DbConnection connection, string tenant, DbTransaction? transaction = null)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ExclusionRow>(
            $"SELECT {ExclusionColumns} FROM product_exclusions WHERE tenant = @tenant",
            new { tenant },
            transaction);
        return row is null ? ExclusionList.Empty(tenant) : row.ToList(tenant);
    }

    /// <summary>Stores the list; with <paramref name="expectedVersion"/> only if that is still the stored version.</summary>
    public static async Task<ExclusionList?> PutExclusionsAsync(
        DbConnection connection, DbTransaction transaction, string tenant, IReadOnlyList<string> ids, string? expectedVersion, string version, long now, string user)
    {
        var parameters = new { tenant, ids = JsonSerializer.Serialize(ids), version, now, user, expectedVersion };
        var row = await Exclusions.PutAsync<ExclusionRow>(connection, transaction, parameters, overExpectedVersion: expectedVersion is not null);
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
        var row = await Stacking.PutAsync<StackingRow>(connection, transaction, parameters, overExpectedVersion: expectedVersion is not null);
        return row?.ToStacking(tenant);
    }

    // The flag is read as 0/1 so the same mapping works for SQLite INTEGER and PostgreSQL BOOLEAN.
    private const string StackingColumns =
        "CASE WHEN stackable THEN 1 ELSE 0 END AS Stackable, version AS Version, updated_at AS UpdatedAt, updated_by AS UpdatedBy";

    private static readonly VersionedRows Stacking = new("coupon_stacking", [("tenant", "tenant")], [("stackable", "stackable")], StackingColumns);

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
