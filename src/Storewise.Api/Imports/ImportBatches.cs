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
public sealed partial class ImportBatches(Database database, TimeProvider clock, ImportOptions options, StorewiseMetrics metrics, CodeStore codes, ILogger<ImportBatches> logger)
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
                    codes.CodesSettled(import.Tenant, import.CouponId);
                    var elapsedMs = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    LogSettled(logger, import.NextSeq, import.TotalRows, import.Id, elapsedMs);
                    return;
                }

                var settled = await SettleAsync(import, owner, next, cancellationToken);
                if (settled is null)
                {
                    return; // lease lost or import ended elsewhere
                }

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

    /// <summary>Starts settling an upload's rows as staging reports them, while the file still streams in.</summary>
    public UploadSettling SettleWhileUploading(ImportRow import, string owner, CancellationToken cancellationToken) =>
        new(this, options, import, owner, logger, cancellationToken);

    /// <summary>Settles rows [from, from + batch); the new cursor, or null when this worker no longer owns the import.</summary>
    private async Task<long?> SettleAsync(ImportRow import, string owner, long from, CancellationToken cancellationToken)
    {
        var to = Math.Min(from + options.BatchSize, import.TotalRows);
        var settled = await SettleBatchAsync(import, owner, ImportStatus.Processing, from, to, cancellationToken);
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

        return to;
    }

    /// <summary>
    /// Settles the staged rows [<paramref name="from"/>, <paramref name="to"/>) of an import that <paramref name="owner"/>
    /// holds in <paramref name="status"/>: PROCESSING for the worker, UPLOADING while the upload still streams.
    /// </summary>
    public async Task<SettledBatch> SettleBatchAsync(ImportRow import, string owner, string status, long from, long to, CancellationToken cancellationToken)
    {
        SettledBatch settled;
        try
        {
            settled = await database.WriteAsync((connection, tx) => SettleWithinAsync(connection, tx, import, owner, status, from, to, NewCodesSql), cancellationToken);
        }
        catch (DbException exception) when (database.Dialect.IsUniqueViolation(exception, out _))
        {
            // Another writer stored one of the batch's codes between the check and the insert: the batch once more, skipping those.
            settled = await database.WriteAsync((connection, tx) => SettleWithinAsync(connection, tx, import, owner, status, from, to, CodesSkippingConflictsSql), cancellationToken);
        }

        if (settled is SettledBatch.Settled)
        {
            metrics.ImportRowsSettled(to - from);
            codes.CodesAdded(import.Tenant, import.CouponId);
        }

        return settled;
    }

    // Codes are not catalogue data (pricing reads the submitted codes live), so this is a plain write.
    private async Task<WriteOutcome<SettledBatch>> SettleWithinAsync(
        DbConnection connection, DbTransaction tx, ImportRow import, string owner, string status, long from, long to, string insertCodesSql)
    {
        if (!await CouponReferences.ExistsAsync(connection, import.Tenant, import.CouponId, tx))
        {
            return WriteOutcome.RollBack(SettledBatch.CouponGone);
        }

        // A batch lost in a crash is lost with its cursor and redone (docs/decisions/0518-import-batches-commit-without-flush.md).
        await database.Dialect.CommitWithoutFlushAsync(connection, tx);
        var now = Timestamps.ToUnixMs(clock.GetUtcNow());
        var args = new { import.Tenant, ImportId = import.Id, import.CouponId, from, to, now, active = true };
        var created = await connection.ExecuteAsync(insertCodesSql, args, tx);
        await CouponListSizes.AddAsync(connection, tx, import.Tenant, import.CouponId, CouponListSizes.Codes, created);
        // Every row of the batch that created no code is an error row; when all did, there is nothing to look up.
        var errors = created == to - from ? 0 : await connection.ExecuteAsync(ErrorRowsSql, args, tx);
        var owned = await connection.ExecuteAsync(
            """
            UPDATE code_imports
            SET next_seq = @to, processed = processed + @processed, created = created + @created, errors = errors + @errors,
                lease_until = @until, updated_at = @now
            WHERE tenant = @Tenant AND id = @Id AND lease_owner = @owner AND next_seq = @from AND status = @status
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
                status,
            },
            tx);
        return owned == 0 ? WriteOutcome.RollBack(SettledBatch.NotOwned) : WriteOutcome.Commit(SettledBatch.Settled);
    }

    /// <summary>
    /// The codes of a batch: of its valid rows sharing a key the first creates the code, unless the key is stored. A plain
    /// insert after a check costs about a fifth less than one that must skip conflicts
    /// (docs/decisions/0517-imports-settle-while-streaming.md); it fails only when another writer stores one of the keys in between.
    /// </summary>
    private const string NewCodesSql =
        """
        INSERT INTO coupon_codes (tenant, id, coupon_id, code, code_key, active, redemptions, created_at)
        SELECT b.tenant, b.code_id, @CouponId, b.code, b.code_key, @active, 0, @now
        FROM (
            SELECT r.tenant, r.seq, r.code_id, r.code, r.code_key, ROW_NUMBER() OVER (PARTITION BY r.code_key ORDER BY r.seq) AS occurrence
            FROM code_import_rows r
            WHERE r.tenant = @Tenant AND r.import_id = @ImportId AND r.seq >= @from AND r.seq < @to AND r.error IS NULL
        ) b
        WHERE b.occurrence = 1 AND NOT EXISTS (SELECT 1 FROM coupon_codes c WHERE c.tenant = b.tenant AND c.code_key = b.code_key)
        ORDER BY b.seq
        """;

    /// <summary>
    /// The codes of a batch when <see cref="NewCodesSql"/> met a conflict: rows are inserted in file order, so of the rows
    /// sharing a key the first one not yet stored creates the code and the later ones are skipped by the unique key.
    /// </summary>
    private const string CodesSkippingConflictsSql =
        """
        INSERT INTO coupon_codes (tenant, id, coupon_id, code, code_key, active, redemptions, created_at)
        SELECT r.tenant, r.code_id, @CouponId, r.code, r.code_key, @active, 0, @now
        FROM code_import_rows r
        WHERE r.tenant = @Tenant AND r.import_id = @ImportId AND r.seq >= @from AND r.seq < @to AND r.error IS NULL
        ORDER BY r.seq
        ON CONFLICT DO NOTHING
        """;

    /// <summary>
    /// The error rows of a batch, once its codes are in. A valid row whose code is stored under another id repeats an
    /// earlier row of the file (<c>duplicate_in_file</c>) when an earlier row of this batch has its key, when the stored
    /// code is one this import created (its id has the import's prefix, <see cref="ImportCodeIds"/>), or when an
    /// earlier batch already reported the key as <c>code_exists</c>; otherwise the code was there before
    /// (<c>code_exists</c>, kept with its key for those later rows). These are the reasons staging gave when it held
    /// every key of the file in memory (docs/decisions/0210-import-duplicates-flagged-at-staging.md,
    /// docs/decisions/0517-imports-settle-while-streaming.md).
    /// </summary>
    private static readonly string ErrorRowsSql =
        $"""
        INSERT INTO code_import_errors (tenant, import_id, seq, line, code, reason, code_key)
        SELECT tenant, import_id, seq, line, code, reason, CASE WHEN reason = '{ImportErrorReason.CodeExists}' THEN code_key END
        FROM (
            SELECT b.tenant, b.import_id, b.seq, b.line, b.code, b.code_key,
                CASE
                    WHEN b.error IS NOT NULL THEN b.error
                    WHEN b.occurrence > 1
                        OR SUBSTR(c.id, 1, {ImportCodeIds.PrefixLength}) = SUBSTR(b.code_id, 1, {ImportCodeIds.PrefixLength})
                        OR EXISTS (
                            SELECT 1 FROM code_import_errors e
                            WHERE e.tenant = b.tenant AND e.import_id = b.import_id AND e.reason = '{ImportErrorReason.CodeExists}'
                              AND e.code_key = b.code_key)
                        THEN '{ImportErrorReason.DuplicateInFile}'
                    ELSE '{ImportErrorReason.CodeExists}'
                END AS reason
            FROM (
                SELECT r.tenant, r.import_id, r.seq, r.line, r.code, r.code_key, r.code_id, r.error,
                    ROW_NUMBER() OVER (PARTITION BY CASE WHEN r.error IS NULL THEN r.code_key END ORDER BY r.seq) AS occurrence
                FROM code_import_rows r
                WHERE r.tenant = @Tenant AND r.import_id = @ImportId AND r.seq >= @from AND r.seq < @to
            ) b
            LEFT JOIN coupon_codes c ON c.tenant = b.tenant AND c.code_key = b.code_key
            WHERE b.error IS NOT NULL OR c.id IS NULL OR c.id <> b.code_id
        ) judged
        """;

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
