using System.Data.Common;
using Dapper;
using Storewise.Api.Storage;

namespace Storewise.Api.CartLog;

/// <summary>SQL for <c>cart_log_settings</c>.</summary>
public static class CartLogSettingsStore
{
    private const string Columns =
        "sample_ppm AS SamplePpm, retention_days AS RetentionDays, version AS Version, updated_at AS UpdatedAt, updated_by AS UpdatedBy";

    private static readonly VersionedRows Settings = new(
        "cart_log_settings", [("tenant", "tenant")], [("sample_ppm", "samplePpm"), ("retention_days", "retentionDays")], Columns);

    public static async Task<CartLogSettings> GetAsync(DbConnection connection, string tenant) =>
        (await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM cart_log_settings WHERE tenant = @tenant", new { tenant }))?.ToSettings(tenant)
        ?? CartLogSettings.Off(tenant);

    /// <summary>
    /// Stores the setting: unconditionally without <paramref name="expectedVersion"/>, else only over that version
    /// (null when it no longer matches or was never set).
    /// </summary>
    public static async Task<CartLogSettings?> PutAsync(
        DbConnection connection, DbTransaction transaction, string tenant, int samplePpm, int retentionDays, string? expectedVersion, string version, long now, string user)
    {
        var parameters = new { tenant, samplePpm, retentionDays, version, now, user, expectedVersion };
        var row = await Settings.PutAsync<Row>(connection, transaction, parameters, overExpectedVersion: expectedVersion is not null);
        return row?.ToSettings(tenant);
    }

    /// <summary>Every tenant that has set a retention, with it: the prune visits these.</summary>
    public static async Task<IReadOnlyList<(string Tenant, long RetentionDays)>> RetentionsAsync(DbConnection connection) =>
        [.. await connection.QueryAsync<(string, long)>("SELECT tenant, retention_days FROM cart_log_settings")];

    // A class with setters, so Dapper converts SQLite's INTEGER and PostgreSQL's integer types alike.
    private sealed class Row
    {
        public long SamplePpm { get; set; }

        public long RetentionDays { get; set; }

        public string Version { get; set; } = "";

        public long UpdatedAt { get; set; }

        public string UpdatedBy { get; set; } = "";

        public CartLogSettings ToSettings(string tenant) =>
            new(tenant, (int)SamplePpm, (int)RetentionDays, DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt), UpdatedBy, Version);
    }
}
