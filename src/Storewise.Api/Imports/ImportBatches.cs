using System.Data.Common;
using Dapper;
using Storewise.Api.Codes;
using Storewise.Api.Common;
using Storewise.Api.Events;
using Storewise.Api.Storage;
using Storewise.Api.Telemetry;

namespace Storewise.Api.Imports;

/// <summary>
/// Settles a claimed import's staged rows batch by batch. Each batch is one transaction: the codes it creates,
/// its error rows and the import's counters and cursor commit together, and only while this worker still holds
/// the lease. A crash therefore loses at most an uncommitted batch, which the next owner redoes from the cursor.
/// </summary>
public sealed partial class ImportBatches(Database database, TimeProvider clock, ImportOptions options, StorewiseMetrics metrics, ILogger<ImportBatches> logger)
{
    public async Task RunAsync(ImportRow import, string owner, CancellationToken cancellationToken)
    {
        if (import.Attempts > options.MaxAttempts)
        {
            await EndAsync(import, owner, ImportStatus.Failed, $"gave up after {options.MaxAttempts} attempts", cancellationToken);
            return;
        }

        var next = import.NextSeq;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            while (true)
            {
                if (next >= import.TotalRows)
                {
                    await EndAsync(import, owner, ImportStatus.Completed, null, cancellationToken);
                    var elapsedMs = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    LogSettled(logger, import.NextSeq, import.TotalRows, import.Id, elapsedMs);
                    return;
                }

                var settled = await SettleAsync(import, owner, next, cancellationToken);
                if (settled is null)
                {
                    return; // lease lost or import ended elsewhere
                }

                metrics.ImportRowsSettled(settled.Value - next);
                next = settled.Value;
                if (options.PauseBetweenBatchesMilliseconds > 0)
                {
                    await Task.Delay(options.PauseBetweenBatchesMilliseconds, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: give the lease up so another instance (or the next start) resumes at once.
            await using var connection = await database.OpenAsync(CancellationToken.None);
            await connection.ExecuteAsync(
                "UPDATE code_imports SET lease_until = 0 WHERE tenant = @Tenant AND id = @Id AND lease_owner = @owner AND status = @processing",
                new { import.Tenant, import.Id, owner, processing = ImportStatus.Processing });
            throw;
        }
    }

    /// <summary>Settles rows [from, from + batch); the new cursor, or null when this worker no longer owns the import.</summary>
    private async Task<long?> SettleAsync(ImportRow import, string owner, long from, CancellationToken cancellationToken)
    {
        var settled = await database.WriteAsync((connection, tx) => SettleWithinAsync(connection, tx, import, owner, from), cancellationToken);
        if (settled is SettledBatch.CouponGone)
        {
            await EndAsync(import, owner, ImportStatus.Failed, "the coupon no longer exists", cancellationToken);
            return null;
        }

        if (settled is SettledBatch.NotOwned)
        {
            LogLeaseLost(logger, import.Id, import.Tenant);
            return null;
        }

        return Math.Min(from + options.BatchSize, import.TotalRows);
    }

    // Codes are not catalogue data (pricing reads the submitted codes live), so this is a plain write.
    private async Task<WriteOutcome<SettledBatch>> SettleWithinAsync(DbConnection connection, DbTransaction tx, ImportRow import, string owner, long from)
    {
        var to = Math.Min(from + options.BatchSize, import.TotalRows);
        if (!await CouponReferences.ExistsAsync(connection, import.Tenant, import.CouponId, tx))
        {
            return WriteOutcome.RollBack(SettledBatch.CouponGone);
        }

        var now = Timestamps.ToUnixMs(clock.GetUtcNow());
        var args = new { import.Tenant, ImportId = import.Id, import.CouponId, from, to, now, active = true };
        // Staging flagged every repeat of a key as duplicate_in_file, so each valid row is the first occurrence of its
        // code in the file and may create it; a code that exists already is skipped by the unique key.
        var created = await connection.ExecuteAsync(
            """
            INSERT INTO coupon_codes (tenant, id, coupon_id, code, code_key, active, redemptions, created_at)
            SELECT r.tenant, r.code_id, @CouponId, r.code, r.code_key, @active, 0, @now
            FROM code_import_rows r
            WHERE r.tenant = @Tenant AND r.import_id = @ImportId AND r.seq >= @from AND r.seq < @to AND r.error IS NULL
            ORDER BY r.seq
            ON CONFLICT DO NOTHING
            """,
            args,
            tx);
        await CouponListSizes.AddAsync(connection, tx, import.Tenant, import.CouponId, CouponListSizes.Codes, created);
        // Every row of the batch that created no code is an error row; when all did, there is nothing to look up.
        var errors = created == to - from
            ? 0
            : await connection.ExecuteAsync(
                """
                INSERT INTO code_import_errors (tenant, import_id, seq, line, code, reason)
                SELECT r.tenant, r.import_id, r.seq, r.line, r.code, COALESCE(r.error, 'code_exists')
                FROM code_import_rows r
                WHERE r.tenant = @Tenant AND r.import_id = @ImportId AND r.seq >= @from AND r.seq < @to
                  AND (r.error IS NOT NULL OR NOT EXISTS (SELECT 1 FROM coupon_codes c WHERE c.tenant = r.tenant AND c.id = r.code_id))
                """,
                args,
                tx);
        var owned = await connection.ExecuteAsync(
            """
            UPDATE code_imports
            SET next_seq = @to, processed = processed + @processed, created = created + @created, errors = errors + @errors,
                lease_until = @until, updated_at = @now
            WHERE tenant = @Tenant AND id = @Id AND lease_owner = @owner AND next_seq = @from AND status = @processing
            """,
            new
            {
                import.Tenant,
                import.Id,
                owner,
                from,
                to,
                now,
                processed = created + errors,
                created,
                errors,
                until = now + options.LeaseSeconds * 1000L,
                processing = ImportStatus.Processing,
            },
            tx);
        return owned == 0 ? WriteOutcome.RollBack(SettledBatch.NotOwned) : WriteOutcome.Commit(SettledBatch.Settled);
    }

    /// <summary>Ends the import (COMPLETED or FAILED) and drops its staged rows, if this worker still owns it.</summary>
    private async Task EndAsync(ImportRow import, string owner, string status, string? failure, CancellationToken cancellationToken)
    {
        var ended = await database.WriteAsync(async (connection, tx) =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<ImportRow>(
                $"""
                UPDATE code_imports SET status = @status, failure = @failure, lease_owner = NULL, lease_until = NULL, updated_at = @now
                WHERE tenant = @Tenant AND id = @Id AND lease_owner = @owner AND status = @processing
                RETURNING {ImportStore.Columns}
                """,
                new { import.Tenant, import.Id, owner, status, failure, now = Timestamps.ToUnixMs(clock.GetUtcNow()), processing = ImportStatus.Processing },
                tx);
            if (row is null)
            {
                return WriteOutcome.Commit(0);
            }

            await DeleteStagedRowsAsync(connection, tx, import);
            var type = status == ImportStatus.Completed ? EventTypes.ImportCompleted : EventTypes.ImportFailed;
            return WriteOutcome.Commit(1).WithEvent(OutboxEvent.Create(type, import.Tenant, import.Id, clock.GetUtcNow(), new ImportEvent(import.CouponId, CodesImportResource.From(row))));
        }, cancellationToken);
        if (ended > 0)
        {
            LogEnded(logger, import.Id, import.Tenant, status, failure);
        }
    }

    private enum SettledBatch
    {
        Settled,
        CouponGone,
        NotOwned,
    }

    private static Task DeleteStagedRowsAsync(DbConnection connection, DbTransaction tx, ImportRow import) =>
        connection.ExecuteAsync(
            "DELETE FROM code_import_rows WHERE tenant = @Tenant AND import_id = @Id", new { import.Tenant, import.Id }, tx);

    [LoggerMessage(Level = LogLevel.Information, Message = "Settled rows {From}..{To} of import {ImportId} in {ElapsedMs:0} ms")]
    private static partial void LogSettled(ILogger logger, long from, long to, string importId, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {ImportId} of tenant {Tenant} is no longer owned by this worker")]
    private static partial void LogLeaseLost(ILogger logger, string importId, string tenant);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} of tenant {Tenant} ended {Status} {Failure}")]
    private static partial void LogEnded(ILogger logger, string importId, string tenant, string status, string? failure);
}
