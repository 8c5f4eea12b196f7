using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Storewise.Api.Storage;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Hostile;

/// <summary>
/// What the database holds, as one comparable value: per table the row count and a hash of all rows (sorted,
/// so the order rows come back in does not matter). Two equal fingerprints mean no row was added, removed or
/// changed. With a tenant, only that tenant's rows of tenant-keyed tables count.
/// </summary>
public static class DataFingerprint
{
    public static async Task<string> TakeAsync(ApiFixture fixture, string? tenant = null)
    {
        await using var connection = await fixture.Database.OpenAsync();
        var tables = fixture.Provider == DatabaseProvider.Postgres
            ? await connection.QueryAsync<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")
            : await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
        if (fixture.Provider == DatabaseProvider.Postgres && tenant is null)
        {
            // One round trip, hashed in the database: this runs after every rejected request.
            var sql = string.Join(
                " UNION ALL ",
                tables.Select(t => $"SELECT '{t}' AS t, count(*) AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM {t} x"));
            var rows = await connection.QueryAsync<(string T, long N, string H)>(sql + " ORDER BY t");
            return string.Join(' ', rows.Select(r => $"{r.T}:{r.N}:{r.H[..16]}"));
        }

        var summary = new StringBuilder();
        foreach (var table in tables)
        {
            var columns = fixture.Provider == DatabaseProvider.Postgres
                ? await connection.QueryAsync<string>("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @table", new { table })
                : await connection.QueryAsync<string>($"SELECT name FROM pragma_table_info('{table}')");
            var byTenant = tenant is not null && columns.Contains("tenant");
            if (tenant is not null && !byTenant)
            {
                continue;
            }

            var rows = await connection.QueryAsync($"SELECT * FROM {table}" + (byTenant ? " WHERE tenant = @tenant" : ""), new { tenant });
            var lines = rows
                .Select(row => string.Join('\u001f', ((IDictionary<string, object?>)row).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => Text(c.Value))))
                .OrderBy(line => line, StringComparer.Ordinal)
                .ToList();
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', lines))))[..16];
            summary.Append(CultureInfo.InvariantCulture, $"{table}:{lines.Count}:{hash} ");
        }

        return summary.ToString().TrimEnd();
    }

    private static string Text(object? value) => value switch
    {
        null => "<null>",
        bool b => b ? "1" : "0",
        byte[] bytes => Convert.ToHexString(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
