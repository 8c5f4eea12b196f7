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
    /// <summary>
    /// The version of the catalogue write in progress, as an SQL expression of the parameter <c>@Tenant</c>: inside
    /// <see cref="Database.WriteCatalogueAsync{T}(string, Func{DbConnection, DbTransaction, Task{WriteOutcome{T}}}, CancellationToken)"/>
    /// the row was bumped before the work and is locked by it, so this is the version the transaction commits
    /// (docs/decisions/0523-offer-rows-stamped-with-the-catalogue-version.md).
    /// </summary>
    public const string OfThisTransaction = "(SELECT version FROM catalogue_versions WHERE tenant = @Tenant)";

    /// <summary>
    /// Moves the tenant's version on by one and returns the new version. It also counts the version as taken by a
    /// write that stamps its offer rows: a release before migration 0130 bumps <c>version</c> alone, so
    /// <c>version - stamped_versions</c> moves when one of its instances writes during a rolling upgrade.
    /// </summary>
    public static Task<long> BumpAsync(DbConnection connection, DbTransaction transaction, string tenant) =>
        connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO catalogue_versions (tenant, version, stamped_versions) VALUES (@tenant, 1, 1)
            ON CONFLICT (tenant) DO UPDATE SET version = catalogue_versions.version + 1, stamped_versions = catalogue_versions.stamped_versions + 1
            RETURNING version
            """,
            new { tenant },
            transaction);

    public static async Task<long> GetAsync(DbConnection connection, string tenant) =>
        await connection.ExecuteScalarAsync<long?>(
            "SELECT version FROM catalogue_versions WHERE tenant = @tenant", new { tenant }) ?? 0;
}
