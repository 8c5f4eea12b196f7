using System.Data.Common;
using Dapper;

namespace Storewise.Api.CartLog;

/// <summary>SQL for <c>cart_log_settings</c>.</summary>
public static class CartLogSettingsStore
{
    private const string Columns =
        "sample_ppm AS SamplePpm, retention_days AS RetentionDays, version AS Version, updated_at AS UpdatedAt, updated_by AS UpdatedBy";

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
        var row = expectedVersion is null
            ? await connection.QuerySingleAsync<Row>(
                $"""
                INSERT INTO cart_log_settings (tenant, sample_ppm, retention_days, version, updated_at, updated_by)
                VALUES (@tenant, @samplePpm, @retentionDays, @version, @now, @user)
                ON CONFLICT (tenant) DO UPDATE SET sample_ppm = excluded.sample_ppm, retention_days = excluded.retention_days,
                    version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                RETURNING {Columns}
                """,
                parameters,
                transaction)
            : await connection.QuerySingleOrDefaultAsync<Row>(
                $"""
                UPDATE cart_log_settings SET sample_ppm = @samplePpm, retention_days = @retentionDays, version = @version,
                    updated_at = @now, updated_by = @user
                WHERE tenant = @tenant AND version = @expectedVersion
                RETURNING {Columns}
                """,
                parameters,
                transaction);
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
