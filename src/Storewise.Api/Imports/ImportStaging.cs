using Storewise.Api.Codes;
using Storewise.Api.Storage;

namespace Storewise.Api.Imports;

/// <summary>
/// Writes the parsed rows of an upload to <c>code_import_rows</c> as they stream in, a bounded batch at a time:
/// the dialect's bulk insert (binary COPY on PostgreSQL, a prepared insert in one transaction on SQLite). Each row gets its
/// future code id here (<see cref="ImportCodeIds"/>), so a resumed batch inserts exactly the same codes. Each batch
/// written while the file still streams is reported to <c>staged</c>, so settling can start on it
/// (docs/decisions/0517-imports-settle-while-streaming.md). Nothing grows with the file: repeats of a code are found
/// while settling, not by holding the keys seen.
/// </summary>
public sealed partial class ImportStaging(Database database, TimeProvider clock, ImportOptions options, ILogger<ImportStaging> logger)
{
    /// <summary>
    /// Stages rows until the source ends or more than <paramref name="maxCodes"/> rows arrive; <paramref name="staged"/>
    /// hears the count of rows staged after each full batch (not the last, partial one).
    /// </summary>
    public async Task<StagingOutcome> StageAsync(
        string tenant, string importId, IAsyncEnumerable<ParsedCode> rows, int maxCodes, Action<int> staged, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var connection = await database.OpenAsync(cancellationToken);
        var codeIds = new ImportCodeIds(clock);
        var limit = Math.Min(maxCodes, ImportCodeIds.MaxRows);
        var batch = new List<StagedRow>(options.StagingBatchSize);
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (++count > limit)
            {
                return new StagingOutcome(count, TooManyCodes: true);
            }

            var seq = count - 1;
            batch.Add(new StagedRow(tenant, importId, seq, row.Line, row.Code, CodeText.Key(row.Code), codeIds.For(seq), row.Error));
            if (batch.Count == options.StagingBatchSize)
            {
                await database.Dialect.BulkInsertAsync(connection, Table, batch, cancellationToken);
                batch.Clear();
                if (count == options.StagingBatchSize)
                {
                    // Fresh statistics before the first batch is settled, so settling reads the staged rows by index.
                    await database.Dialect.RefreshStatisticsAsync(connection, Table.Name, cancellationToken);
                }

                staged(count);
            }
        }

        if (batch.Count > 0)
        {
            await database.Dialect.BulkInsertAsync(connection, Table, batch, cancellationToken);
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
