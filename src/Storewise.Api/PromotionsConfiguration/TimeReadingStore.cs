using System.Data.Common;
using Dapper;

namespace Storewise.Api.PromotionsConfiguration;

/// <summary>SQL for <c>time_reading</c>, the tenant's reading of <c>localizedTimezone</c>; the reader is public for the catalogue load.</summary>
public static class TimeReadingStore
{
    private const string Columns = "localized_timezone AS LocalizedTimezone, version AS Version, updated_at AS UpdatedAt, updated_by AS UpdatedBy";
    private const string StoreLocalText = "storeLocal";
    private const string UtcText = "utc";

    public static async Task<TimeReadingSetting> GetAsync(DbConnection connection, string tenant) =>
        (await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM time_reading WHERE tenant = @tenant", new { tenant }))?.ToSetting(tenant)
        ?? TimeReadingSetting.Default(tenant);

    /// <summary>Stores the reading; with <paramref name="expectedVersion"/> only if that is still the stored version.</summary>
    public static async Task<TimeReadingSetting?> PutAsync(
        DbConnection connection, DbTransaction transaction, string tenant, LocalizedTimezoneReading reading, string? expectedVersion, string version, long now, string user)
    {
        var parameters = new { tenant, reading = reading == LocalizedTimezoneReading.StoreLocal ? StoreLocalText : UtcText, version, now, user, expectedVersion };
        var row = expectedVersion is null
            ? await connection.QuerySingleAsync<Row>(
                $"""
                INSERT INTO time_reading (tenant, localized_timezone, version, updated_at, updated_by)
                VALUES (@tenant, @reading, @version, @now, @user)
                ON CONFLICT (tenant) DO UPDATE SET localized_timezone = excluded.localized_timezone, version = excluded.version,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by
                RETURNING {Columns}
                """,
                parameters,
                transaction)
            : await connection.QuerySingleOrDefaultAsync<Row>(
                $"""
                UPDATE time_reading SET localized_timezone = @reading, version = @version, updated_at = @now, updated_by = @user
                WHERE tenant = @tenant AND version = @expectedVersion
                RETURNING {Columns}
                """,
                parameters,
                transaction);
        return row?.ToSetting(tenant);
    }

    private sealed class Row
    {
        public string LocalizedTimezone { get; set; } = UtcText;

        public string Version { get; set; } = "";

        public long UpdatedAt { get; set; }

        public string UpdatedBy { get; set; } = "";

        public TimeReadingSetting ToSetting(string tenant) => new(
            tenant,
            LocalizedTimezone == StoreLocalText ? LocalizedTimezoneReading.StoreLocal : LocalizedTimezoneReading.Utc,
            DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt),
            UpdatedBy,
            Version);
    }
}
