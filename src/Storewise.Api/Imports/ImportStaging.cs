using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Storewise.Api.Codes;
using Storewise.Api.Common;
using Storewise.Api.Storage;

namespace Storewise.Api.Imports;

/// <summary>
/// Writes the parsed rows of an upload to <c>code_import_rows</c> as they stream in, a bounded batch at a time:
/// binary COPY on PostgreSQL, one transaction with a prepared insert per batch on SQLite. Each row gets its
/// future code id here, so a resumed batch inserts exactly the same codes. A valid code whose key appeared
/// earlier in the file (as a valid code) is staged with the error <c>duplicate_in_file</c>, so settling needs
/// no look-back over the staged rows; the keys seen are held in memory, at most the upload's row limit.
/// </summary>
public sealed class ImportStaging(Database database, ObjectIds ids, ImportOptions options, ILogger<ImportStaging> logger)
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
            batch.Add(new StagedRow(count - 1, row.Line, row.Code, key, ids.NewId(), error));
            if (batch.Count == options.StagingBatchSize)
            {
                await WriteAsync(connection, tenant, importId, batch, cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await WriteAsync(connection, tenant, importId, batch, cancellationToken);
        }

        if (database.IsPostgres && count > options.StagingBatchSize)
        {
            // Fresh statistics, so settling joins the staged rows by index rather than by scanning them per row.
            await using var analyze = connection.CreateCommand();
            analyze.CommandText = "ANALYZE code_import_rows";
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        logger.LogInformation(
            "Staged {Count} rows of import {ImportId} in {ElapsedMs:0} ms", count, importId, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new StagingOutcome(count, TooManyCodes: false);
    }

    private static Task WriteAsync(DbConnection connection, string tenant, string importId, List<StagedRow> batch, CancellationToken cancellationToken) =>
        connection is NpgsqlConnection postgres
            ? CopyAsync(postgres, tenant, importId, batch, cancellationToken)
            : InsertAsync((SqliteConnection)connection, tenant, importId, batch, cancellationToken);

    private static async Task CopyAsync(NpgsqlConnection connection, string tenant, string importId, List<StagedRow> batch, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY code_import_rows (tenant, import_id, seq, line, code, code_key, code_id, error) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        // Synchronous writes: the importer buffers rows and only touches the socket when its buffer fills, so the
        // per-field async state machines would cost more than the rare blocking flush.
        foreach (var row in batch)
        {
            importer.StartRow();
            importer.Write(tenant, NpgsqlDbType.Text);
            importer.Write(importId, NpgsqlDbType.Text);
            importer.Write(row.Seq, NpgsqlDbType.Integer);
            importer.Write((int)row.Line, NpgsqlDbType.Integer);
            importer.Write(row.Code, NpgsqlDbType.Text);
            importer.Write(row.CodeKey, NpgsqlDbType.Text);
            importer.Write(row.CodeId, NpgsqlDbType.Text);
            if (row.Error is null)
            {
                importer.WriteNull();
            }
            else
            {
                importer.Write(row.Error, NpgsqlDbType.Text);
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task InsertAsync(SqliteConnection connection, string tenant, string importId, List<StagedRow> batch, CancellationToken cancellationToken)
    {
        await using var tx = (SqliteTransaction)await Database.BeginWriteAsync(connection, cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText =
            "INSERT INTO code_import_rows (tenant, import_id, seq, line, code, code_key, code_id, error) VALUES ($t, $i, $s, $l, $c, $k, $id, $e)";
        command.Parameters.AddWithValue("$t", tenant);
        command.Parameters.AddWithValue("$i", importId);
        var seq = command.Parameters.Add("$s", SqliteType.Integer);
        var line = command.Parameters.Add("$l", SqliteType.Integer);
        var code = command.Parameters.Add("$c", SqliteType.Text);
        var key = command.Parameters.Add("$k", SqliteType.Text);
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var error = command.Parameters.Add("$e", SqliteType.Text);
        command.Prepare();
        foreach (var row in batch)
        {
            seq.Value = row.Seq;
            line.Value = row.Line;
            code.Value = row.Code;
            key.Value = row.CodeKey;
            id.Value = row.CodeId;
            error.Value = (object?)row.Error ?? DBNull.Value;
            command.ExecuteNonQuery(); // Microsoft.Data.Sqlite runs async commands synchronously anyway
        }

        await tx.CommitAsync(cancellationToken);
    }

    private readonly record struct StagedRow(int Seq, long Line, string Code, string CodeKey, string CodeId, string? Error);
}

/// <summary>How many rows the upload had (counting up to the first one over the limit).</summary>
public readonly record struct StagingOutcome(int Count, bool TooManyCodes);
