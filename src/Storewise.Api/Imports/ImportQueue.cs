using Dapper;
using Storewise.Api.Common;
using Storewise.Api.Storage;

namespace Storewise.Api.Imports;

/// <summary>
/// Hands imports to workers across instances: a worker owns an import while its lease lasts, renews it with
/// every batch, and an import whose owner died is claimed again once the lease has expired.
/// </summary>
public sealed class ImportQueue(Database database, TimeProvider clock, ImportOptions options)
{
    /// <summary>Uploads that never finished (the server died mid-upload) are removed after this long.</summary>
    private static readonly TimeSpan AbandonedUploadAge = TimeSpan.FromMinutes(15);

    private static readonly LeasedJobs Imports = new("code_imports", ImportStore.Columns, ImportStatus.Created, ImportStatus.Processing);

    /// <summary>Claims the oldest import that is waiting or whose lease expired; null when there is none.</summary>
    public Task<ImportRow?> TryClaimAsync(string owner, CancellationToken cancellationToken)
    {
        var now = Timestamps.ToUnixMs(clock.GetUtcNow());
        return JobLease.TryClaimAsync<ImportRow>(database, Imports, owner, now, now + options.LeaseSeconds * 1000L, cancellationToken);
    }

    public async Task RemoveAbandonedUploadsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var before = Timestamps.ToUnixMs(clock.GetUtcNow() - AbandonedUploadAge);
        var abandoned = await connection.QueryAsync<(string Tenant, string Id)>(
            "SELECT tenant, id FROM code_imports WHERE status = @uploading AND updated_at < @before LIMIT 10",
            new { uploading = ImportStatus.Uploading, before });
        foreach (var (tenant, id) in abandoned)
        {
            await database.WriteAsync(connection, async (c, tx) => WriteOutcome.Commit(await UploadDiscard.WithinAsync(c, tx, tenant, id, before)), cancellationToken);
        }
    }
}
