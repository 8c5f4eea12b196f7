using Storewise.Api.Codes;
using Storewise.Api.Common;
using Storewise.Api.Storage;

namespace Storewise.Api.Imports;

/// <summary>
/// Writes the parsed rows of an upload to <c>code_import_rows</c> as they stream in, a bounded batch at a time:
/// the dialect's bulk insert (binary COPY on PostgreSQL, a prepared insert in one transaction on SQLite). Each row gets its
/// future code id here, so a resumed batch inserts exactly the same codes. A valid code whose key appeared
/// earlier in the file (as a valid code) is staged with the error <c>duplicate_in_file</c>, so settling needs
/// no look-back over the staged rows; the keys seen are held in memory, at most the upload's row limit.
/// </summary>
public sealed partial class ImportStaging(Database database, ObjectIds ids, ImportOptions options, ILogger<ImportStaging> logger)
{
    /// <summary>Stages rows until the source ends or more than <paramref name="maxCodes"/> rows arrive.</summary>
    public async Task<StagingOutcome> StageAsync(
        string tenant, string importId, IAsyncEnumerable<ParsedCode> rows, int maxCodes, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var connection = await database.OpenAsync(cancellationToken);
        var batch = new List<StagedRow>(options.StagingBatchSize);
        var count = 0;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (++count > maxCodes)
            {
                return new StagingOutcome(count, TooManyCodes: true);
            }

            var key = CodeText.Key(row.Code);
            var error = row.Error ?? (keys.Add(key) ? null : ImportErrorReason.DuplicateInFile);
            batch.Add(new StagedRow(tenant, importId, count - 1, row.Line, row.Code, key, ids.NewId(), error));
            if (batch.Count == options.StagingBatchSize)
            {
                await database.Dialect.BulkInsertAsync(connection, Table, batch, cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await database.Dialect.BulkInsertAsync(connection, Table, batch, cancellationToken);
        }

        if (count > options.StagingBatchSize)
        {
            // Fresh statistics, so settling joins the staged rows by index rather than by scanning them per row.
            await database.Dialect.RefreshStatisticsAsync(connection, Table.Name, cancellationToken);
        }

        var elapsedMs = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogStaged(logger, count, importId, elapsedMs);
        return new StagingOutcome(count, TooManyCodes: false);
    }

    private static readonly BulkTable<StagedRow> Table = new(
        "code_import_rows",
        [
            BulkColumn<StagedRow>.String("tenant", r => r.Tenant),
            BulkColumn<StagedRow>.String("import_id", r => r.ImportId),
            BulkColumn<StagedRow>.Int("seq", r => r.Seq),
            BulkColumn<StagedRow>.Int("line", r => (int)r.Line),
            BulkColumn<StagedRow>.String("code", r => r.Code),
            BulkColumn<StagedRow>.String("code_key", r => r.CodeKey),
            BulkColumn<StagedRow>.String("code_id", r => r.CodeId),
            BulkColumn<StagedRow>.String("error", r => r.Error),
        ]);

    private readonly record struct StagedRow(string Tenant, string ImportId, int Seq, long Line, string Code, string CodeKey, string CodeId, string? Error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staged {Count} rows of import {ImportId} in {ElapsedMs:0} ms")]
    private static partial void LogStaged(ILogger logger, long count, string importId, double elapsedMs);
}
