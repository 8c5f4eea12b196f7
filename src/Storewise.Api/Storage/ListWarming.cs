namespace Storewise.Api.Storage;

/// <summary>
/// Learns a long list's shape in the background once writes to it have gone quiet
/// (docs/decisions/0526-warm-boundaries-after-writes.md). A write that moves a list's generation (a batch of codes, an
/// import's settling batch) reports it with <see cref="Moved"/>; when <see cref="Quiet"/> has passed without another
/// report for that list, its warm runs once. A writer that knows it is done (an import that has ended) reports
/// <see cref="Settled"/> and the warm runs at once. Without it the first deep page after an import waited for the read
/// of the list's boundaries, and every deep page arriving meanwhile waited with it.
/// </summary>
/// <remarks>
/// Bounded: one warm runs at a time on this instance (one connection), at most <see cref="MaxPending"/> lists wait,
/// and a list is warmed once per quiet period however many batches moved it. A warm only reads and keeps what this
/// instance knows (<see cref="ListPositions"/>), so several instances are safe: each warms the lists written through
/// it, and any list another instance wrote is learnt by its first deep page here, as before. A warm that fails leaves
/// the list as it was: its next deep page reads the boundaries itself.
/// </remarks>
public sealed class ListWarming(TimeProvider clock) : IDisposable
{
    /// <summary>How long a list must go without writes before it is warmed: longer than the gap between the batches of one import.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);

    /// <summary>Lists waiting to be warmed; past this a moved list is left to its first deep page.</summary>
    public const int MaxPending = 1000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>
    /// Reports a write that moved <paramref name="list"/>: <paramref name="warm"/> runs once no other report for it has
    /// come for <see cref="Quiet"/> (the latest report's warm, if several came).
    /// </summary>
    public void Moved(string list, Func<CancellationToken, Task> warm)
    {
        var now = clock.GetTimestamp();
        Pending added;
        lock (_lock)
        {
            if (_pending.TryGetValue(list, out var pending))
            {
                pending.LastMoved = now;
                pending.Warm = warm;
                return;
            }

            if (_pending.Count >= MaxPending || _stopping.IsCancellationRequested)
            {
                return;
            }

            added = new Pending { LastMoved = now, Warm = warm };
            _pending[list] = added;
        }

        _ = WarmWhenQuietAsync(list, added);
    }

    /// <summary>
    /// Reports that writes to <paramref name="list"/> are over (an import that has ended): <paramref name="warm"/> runs
    /// now, without waiting for the quiet period, and replaces a warm still waiting for it.
    /// </summary>
    public void Settled(string list, Func<CancellationToken, Task> warm)
    {
        lock (_lock)
        {
            _pending.Remove(list);
        }

        _ = RunAsync(warm);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _oneAtATime.Dispose();
    }

    private async Task WarmWhenQuietAsync(string list, Pending mine)
    {
        try
        {
            Func<CancellationToken, Task> warm;
            while (true)
            {
                TimeSpan wait;
                lock (_lock)
                {
                    if (!_pending.TryGetValue(list, out var pending) || pending != mine)
                    {
                        return; // warmed at once by Settled, and maybe moved again since (a new wait of its own)
                    }

                    var quietFor = clock.GetElapsedTime(pending.LastMoved);
                    if (quietFor >= Quiet)
                    {
                        _pending.Remove(list);
                        warm = pending.Warm;
                        break;
                    }

                    wait = Quiet - quietFor;
                }

                await Task.Delay(wait, clock, _stopping.Token);
            }

            await RunAsync(warm);
        }
        catch (Exception stopping) when (stopping is OperationCanceledException or ObjectDisposedException)
        {
            // Shutting down while the list was still being written: nothing is left to warm.
        }
    }

    private async Task RunAsync(Func<CancellationToken, Task> warm)
    {
        try
        {
            await _oneAtATime.WaitAsync(_stopping.Token);
            try
            {
                await warm(_stopping.Token);
            }
            finally
            {
                _oneAtATime.Release();
            }
        }
        catch (Exception)
        {
            // A warm only saves a later read: whatever stopped it (shutdown, a database error), the list's next deep page
            // reads its boundaries itself.
        }
    }

    private sealed class Pending
    {
        public long LastMoved { get; set; }

        public required Func<CancellationToken, Task> Warm { get; set; }
    }
}
