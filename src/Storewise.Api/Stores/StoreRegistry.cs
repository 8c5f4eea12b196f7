using System.Data.Common;
using Dapper;
using Storewise.Api.Common;
using Storewise.Api.Storage;

namespace Storewise.Api.Stores;

/// <summary>
/// SQL for <c>stores</c>, the store registry (docs/decisions/1002-store-registry-and-time-reading.md). Writes with an
/// expected version are conditional statements, so a stale writer gets nothing written (null).
/// </summary>
public static class StoreRegistry
{
    private const string Columns =
        "store_id AS Id, name AS Name, time_zone AS TimeZone, version AS Version, created_at AS CreatedAt, created_by AS CreatedBy, updated_at AS UpdatedAt, updated_by AS UpdatedBy";

    private static readonly VersionedRows Stores = new(
        "stores", [("tenant", "tenant"), ("store_id", "storeId")], [("name", "name"), ("time_zone", "timeZone")], Columns, TracksCreation: true);

    public static async Task<StoreResource?> GetAsync(DbConnection connection, string tenant, string storeId) =>
        (await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM stores WHERE tenant = @tenant AND store_id = @storeId", new { tenant, storeId }))?.ToResource();

    public static async Task<(IReadOnlyList<StoreResource> Items, long Total)> ListAsync(DbConnection connection, string tenant, PageRequest page)
    {
        var total = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM stores WHERE tenant = @tenant", new { tenant });
        var rows = await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM stores WHERE tenant = @tenant ORDER BY store_id LIMIT @count OFFSET @offset",
            new { tenant, count = page.Count, offset = page.Offset });
        return ([.. rows.Select(r => r.ToResource())], total);
    }

    /// <summary>Every registered store's zone id (stores without one are left out): what the catalogue load reads.</summary>
    public static async Task<IReadOnlyList<(string StoreId, string TimeZone)>> ZonesAsync(DbConnection connection, string tenant) =>
        [.. await connection.QueryAsync<(string, string)>("SELECT store_id, time_zone FROM stores WHERE tenant = @tenant AND time_zone IS NOT NULL", new { tenant })];

    /// <summary>Creates or replaces the store; with <paramref name="expectedVersion"/> only over that stored version.</summary>
    public static async Task<StoreResource?> PutAsync(
        DbConnection connection, DbTransaction transaction, string tenant, string storeId, string name, string? timeZone, string? expectedVersion, string version, long now, string user)
    {
        var parameters = new { tenant, storeId, name, timeZone, version, now, user, expectedVersion };
        var row = await Stores.PutAsync<Row>(connection, transaction, parameters, overExpectedVersion: expectedVersion is not null);
        return row?.ToResource();
    }

    // A class with setters, so Dapper converts SQLite's INTEGER and PostgreSQL's bigint alike.
    private sealed class Row
    {
        public string Id { get; set; } = "";

        public string Name { get; set; } = "";

        public string? TimeZone { get; set; }

        public string Version { get; set; } = "";

        public long CreatedAt { get; set; }

        public string CreatedBy { get; set; } = "";

        public long UpdatedAt { get; set; }

        public string UpdatedBy { get; set; } = "";

        public StoreResource ToResource() => new()
        {
            Id = Id,
            Name = Name,
            TimeZone = TimeZone,
            CreatedAt = Timestamps.Rfc3339(DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt)),
            CreatedBy = CreatedBy,
            UpdatedAt = Timestamps.Rfc3339(DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt)),
            UpdatedBy = UpdatedBy,
            Version = Version,
        };
    }
}
