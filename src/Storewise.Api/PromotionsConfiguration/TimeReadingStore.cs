using System.Data.Common;
using Dapper;
using Storewise.Api.Storage;

namespace Storewise.Api.PromotionsConfiguration;

/// <summary>SQL for <c>time_reading</c>, the tenant's reading of <c>localizedTimezone</c>; the reader is public for the catalogue load.</summary>
public static class TimeReadingStore
{
    private const string Columns = "localized_timezone AS LocalizedTimezone, version AS Version, updated_at AS UpdatedAt, updated_by AS UpdatedBy";
    private const string StoreLocalText = "storeLocal";
    private const string UtcText = "utc";

    private static readonly VersionedRows Readings = new("time_reading", [("tenant", "tenant")], [("localized_timezone", "reading")], Columns);

    public static async Task<TimeReadingSetting> GetAsync(DbConnection connection, string tenant) =>
        (await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM time_reading WHERE tenant = @tenant", new { tenant }))?.ToSetting(tenant)
        ?? TimeReadingSetting.Default(tenant);

    /// <summary>Stores the reading; with <paramref name="expectedVersion"/> only if that is still the stored version.</summary>
    public static async Task<TimeReadingSetting?> PutAsync(
        DbConnection connection, DbTransaction transaction, string tenant, LocalizedTimezoneReading reading, string? expectedVersion, string version, long now, string user)
    {
        var parameters = new { tenant, reading = reading == LocalizedTimezoneReading.StoreLocal ? StoreLocalText : UtcText, version, now, user, expectedVersion };
        var row = await Readings.PutAsync<Row>(connection, transaction, parameters, overExpectedVersion: expectedVersion is not null);
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
