using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Storewise.Api.Storage;

/// <summary>
/// What this instance knows of the shape of each long list (docs/decisions/0512-keyset-paging.md): its total and
/// the key of every <see cref="Stride"/>-th row, as of one generation of the list (a number that changes whenever
/// the list's rows or their order change, in the same transaction). A page number becomes a seek from the nearest
/// boundary below it, so a deep page costs what a first page costs. Nothing is trusted across generations: a
/// caller passes the generation it has just read, and a shape is kept only when the generation was the same
/// before and after it was read.
/// </summary>
public sealed class ListPositions
{
    /// <summary>Rows between two boundaries; a page never skips more than this many rows past its seek.</summary>
    public const int Stride = 1000;

    // Lists whose shape is kept; past this the whole map is dropped (each list is rebuilt by its next deep page).
    private const int MaxLists = 10_000;

    private readonly ConcurrentDictionary<string, Shape> _lists = new(StringComparer.Ordinal);

    // Boundary reads under way, by list and generation: deep pages that arrive while one runs wait for it.
    private readonly ConcurrentDictionary<string, Task<Array?>> _reading = new(StringComparer.Ordinal);

    /// <summary>
    /// The SQL that reads the boundaries of a list: the key of each <see cref="Stride"/>-th row in key order, without
    /// sending the other rows. <paramref name="where"/> selects the list. Each boundary is one hop of
    /// <see cref="Stride"/> index entries past the one before (the seek a deep page makes), so the read walks the
    /// list's index once and, where the index holds the key, never its table: about a third of the time of numbering
    /// every row with a window function on PostgreSQL, a tenth on SQLite (docs/decisions/0525-boundaries-by-hops.md).
    /// </summary>
    public static string BoundariesSql(string key, string table, string where) =>
        $"""
        WITH RECURSIVE hop(k) AS (
            SELECT (SELECT {key} FROM {table} WHERE {where} ORDER BY {key} LIMIT 1 OFFSET {Stride - 1})
            UNION ALL
            SELECT (SELECT {key} FROM {table} WHERE ({where}) AND {key} > hop.k ORDER BY {key} LIMIT 1 OFFSET {Stride - 1}) FROM hop WHERE hop.k IS NOT NULL)
        SELECT k FROM hop WHERE k IS NOT NULL ORDER BY k
        """;

    /// <summary>
    /// The total of <paramref name="list"/> at <paramref name="generation"/>: counted once per generation, then
    /// served from memory. <paramref name="generationNow"/> reads the generation again after counting.
    /// </summary>
    public async Task<long> TotalAsync(string list, long generation, Func<Task<long>> count, Func<Task<long>> generationNow)
    {
        if (_lists.TryGetValue(list, out var known) && known.Generation == generation && known.Total is { } total)
        {
            return total;
        }

        total = await count();
        if (await generationNow() == generation)
        {
            Keep(list, generation, total, null);
        }

        return total;
    }

    /// <summary>
    /// The seek for the rows from <paramref name="offset"/> on. Shallow pages (offset below <see cref="Stride"/>)
    /// skip from the start; deeper ones seek past the nearest boundary, which <paramref name="boundaries"/> reads
    /// (<see cref="BoundariesSql"/>) once per generation.
    /// </summary>
    public async Task<PageSeek<TKey>> SeekAsync<TKey>(
        string list, long generation, long offset, Func<Task<IEnumerable<TKey>>> boundaries, Func<Task<long>> generationNow)
    {
        if (offset < Stride)
        {
            return PageSeek<TKey>.FromStart(offset);
        }

        var keys = TryKept<TKey>(list, generation, out var kept)
            ? kept
            : await ReadBoundariesOnceAsync(list, generation, boundaries, generationNow);

        // keys[i] is the key of row (i + 1) * Stride - 1 (0-based): the last row before block i + 1.
        var block = Math.Min(offset / Stride, keys.Length);
        return block == 0 ? PageSeek<TKey>.FromStart(offset) : new PageSeek<TKey>(true, keys[block - 1], offset - block * Stride);
    }

    /// <summary>
    /// Reads and keeps the boundaries of <paramref name="list"/> at <paramref name="generation"/> unless they are kept
    /// already, by the same path as a deep page (a read under way is shared): called in the background once writes to a
    /// long list have gone quiet (<see cref="ListWarming"/>), so the first deep page after them is a seek.
    /// </summary>
    public async Task WarmAsync<TKey>(string list, long generation, Func<Task<IEnumerable<TKey>>> boundaries, Func<Task<long>> generationNow)
    {
        if (!Knows<TKey>(list, generation))
        {
            await ReadBoundariesOnceAsync(list, generation, boundaries, generationNow);
        }
    }

    /// <summary>Whether the boundaries of <paramref name="list"/> at <paramref name="generation"/> are kept.</summary>
    public bool Knows<TKey>(string list, long generation) => TryKept<TKey>(list, generation, out _);

    // The boundaries kept for this generation of the list, if any (kept ones of another generation are never used).
    private bool TryKept<TKey>(string list, long generation, [NotNullWhen(true)] out TKey[]? keys)
    {
        keys = _lists.TryGetValue(list, out var known) && known.Generation == generation ? known.Boundaries as TKey[] : null;
        return keys is not null;
    }

    /// <summary>
    /// The boundaries of a list at a generation, read by one page at a time: the pages that miss while a read is under
    /// way take its keys. Without it every deep page arriving before the first read was kept ran the same scan of the
    /// whole list, and a busy list's first seconds queued behind them. A waiter whose read failed or saw the
    /// generation move reads (and keeps) for itself, by the same path.
    /// </summary>
    private async Task<TKey[]> ReadBoundariesOnceAsync<TKey>(
        string list, long generation, Func<Task<IEnumerable<TKey>>> boundaries, Func<Task<long>> generationNow)
    {
        var key = string.Concat(list, "\n", generation.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var mine = new TaskCompletionSource<Array?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = _reading.GetOrAdd(key, mine.Task);
        if (reading != mine.Task)
        {
            await ((Task)reading).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return reading.IsCompletedSuccessfully && reading.Result is TKey[] shared
                ? shared
                : await ReadBoundariesOnceAsync(list, generation, boundaries, generationNow);
        }

        TKey[]? keys = null;
        var kept = false;
        try
        {
            keys = [.. await boundaries()];
            kept = await generationNow() == generation;
            if (kept)
            {
                Keep(list, generation, null, keys);
            }

            return keys;
        }
        finally
        {
            _reading.TryRemove(new KeyValuePair<string, Task<Array?>>(key, mine.Task));
            mine.SetResult(kept ? keys : null);
        }
    }

    // A total and boundaries of one generation are kept together, whichever was read first and however the two
    // reads interleave; another generation replaces both.
    private void Keep(string list, long generation, long? total, Array? boundaries)
    {
        if (_lists.Count >= MaxLists && !_lists.ContainsKey(list))
        {
            _lists.Clear();
        }

        _lists.AddOrUpdate(
            list,
            _ => new Shape(generation, total, boundaries),
            (_, old) => old.Generation == generation
                ? new Shape(generation, total ?? old.Total, boundaries ?? old.Boundaries)
                : new Shape(generation, total, boundaries));
    }

    private sealed record Shape(long Generation, long? Total, Array? Boundaries);
}
