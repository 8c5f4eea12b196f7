using System.Data.Common;
using System.Threading.Channels;

namespace Storewise.Api.Imports;

/// <summary>
/// Settles an upload's staged rows while the rest of the file still streams in: the upload's request holds the import
/// (UPLOADING, under its own lease owner) and each batch staging reports is settled by <see cref="ImportBatches"/> as
/// it would be after the 202, one transaction per batch with the import's cursor. When the file has been read the
/// request stops it (the batch in flight commits, no other starts) and the worker settles the rest from the cursor
/// (docs/decisions/0517-imports-settle-while-streaming.md).
/// </summary>
public sealed partial class UploadSettling
{
    private readonly Channel<int> _staged = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Task _loop;
    private volatile bool _stopping;

    internal UploadSettling(ImportBatches batches, ImportOptions options, ImportRow import, string owner, ILogger logger, CancellationToken cancellationToken) =>
        _loop = Task.Run(() => RunAsync(batches, options, import, owner, logger, cancellationToken), CancellationToken.None);

    /// <summary>Rows [0, <paramref name="rows"/>) are staged and may be settled.</summary>
    public void Staged(int rows) => _staged.Writer.TryWrite(rows);

    /// <summary>Lets the batch in flight commit and starts no other; then nothing of this upload is being settled.</summary>
    public async Task StopAsync()
    {
        _stopping = true;
        _staged.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync(ImportBatches batches, ImportOptions options, ImportRow import, string owner, ILogger logger, CancellationToken cancellationToken)
    {
        long next = 0;
        try
        {
            await foreach (var upTo in _staged.Reader.ReadAllAsync(cancellationToken))
            {
                while (!_stopping && next < upTo)
                {
                    var to = Math.Min(next + options.BatchSize, upTo);
                    if (await batches.SettleBatchAsync(import, owner, ImportStatus.Uploading, next, to, cancellationToken) is not SettledBatch.Settled)
                    {
                        return; // the coupon is gone: the worker fails the import once the upload is in
                    }

                    next = to;
                    if (options.PauseBetweenBatchesMilliseconds > 0)
                    {
                        await Task.Delay(options.PauseBetweenBatchesMilliseconds, cancellationToken);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The request was aborted; it discards the upload.
        }
        catch (DbException exception)
        {
            // Whatever was not settled is settled by the worker from the import's cursor.
            LogSettlingStopped(logger, import.Id, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settling import {ImportId} while it uploads stopped; the worker settles the rest")]
    private static partial void LogSettlingStopped(ILogger logger, string importId, Exception exception);
}
