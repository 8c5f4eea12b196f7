using System.Data.Common;
using Dapper;

namespace Storewise.Api.Storage;

/// <summary>
/// A per-tenant counter bumped in the same transaction as any change that affects cart pricing
/// (promotions, coupons, code activity, exclusions, stacking mode). Every instance compares it with the
/// version of its cached promotion set, so a change made anywhere is seen everywhere.
/// </summary>
public static class CatalogueVersions
{
    /// <summary>Moves the tenant's version on by one and returns the new version.</summary>
    public static Task<long> BumpAsync(DbConnection connection, DbTransaction transaction, string tenant) =>
        connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO catalogue_versions (tenant, version) VALUES (@tenant, 1)
            ON CONFLICT (tenant) DO UPDATE SET version = catalogue_versions.version + 1
            RETURNING version
            """,
            new { tenant },
            transaction);

    public static async Task<long> GetAsync(DbConnection connection, string tenant) =>
        await connection.ExecuteScalarAsync<long?>(
            "SELECT version FROM catalogue_versions WHERE tenant = @tenant", new { tenant }) ?? 0;
}
