using System.Collections.Concurrent;
using System.Diagnostics;

namespace Storewise.Api.Storage;

/// <summary>
/// What this instance knows of each tenant's catalogue version, and since when, so a cart without codes can be
/// priced without reading the database (docs/decisions/0510-catalogue-change-notifications.md). A known version
/// may be used while it is provably at most <see cref="StalenessBound"/> old: it was read or written less than
/// that long ago, or it was read while the change listener was listening and the listener proved itself alive
/// less than that long ago. Timestamps are <see cref="Stopwatch"/> ticks: an interval, not business time.
/// </summary>
public sealed class CatalogueVersionWatch
{
    /// <summary>The longest a cart may be priced with a catalogue version older than the database's.</summary>
    public static readonly TimeSpan StalenessBound = TimeSpan.FromSeconds(1);

    private static readonly long BoundTicks = (long)(StalenessBound.TotalSeconds * Stopwatch.Frequency);

    private readonly ConcurrentDictionary<string, Known> _known = new(StringComparer.Ordinal);

    // While no listener is connected, no read is covered by it and it was never alive.
    private long _listeningSince = long.MaxValue;
    private long _aliveAt = long.MinValue;

    /// <summary>Whether a listener is connected now, so that versions confirmed from now on stay fresh while it answers.</summary>
    public bool IsListening => Volatile.Read(ref _listeningSince) != long.MaxValue;


    /// <summary>A version this instance may price with now without asking the database.</summary>
    public bool TryGetCurrent(string tenant, out long version)
    {
        version = 0;
        if (!_known.TryGetValue(tenant, out var known))
        {
            return false;
        }

        var oldestFresh = Stopwatch.GetTimestamp() - BoundTicks;
        var fresh = known.ConfirmedAt >= oldestFresh
            || (known.ConfirmedAt >= Volatile.Read(ref _listeningSince) && Volatile.Read(ref _aliveAt) >= oldestFresh);
        version = known.Version;
        return fresh;
    }

    /// <summary>
    /// <paramref name="version"/> was the tenant's version at <paramref name="at"/> (a read that started then, or a
    /// write that bumped it and held its row then).
    /// </summary>
    public void Confirm(string tenant, long version, long at) =>
        _known.AddOrUpdate(
            tenant,
            static (_, fresh) => fresh,
            static (_, old, fresh) => new Known(Math.Max(old.Version, fresh.Version), Math.Max(old.ConfirmedAt, fresh.ConfirmedAt)),
            new Known(version, at));

    /// <summary>Another instance announced <paramref name="version"/>: a known tenant moves on (an unknown one is read when first priced).</summary>
    public void Announced(string tenant, long version)
    {
        while (_known.TryGetValue(tenant, out var old) && old.Version < version)
        {
            if (_known.TryUpdate(tenant, old with { Version = version }, old))
            {
                return;
            }
        }
    }

    /// <summary>The listener listens from <paramref name="since"/> on: every change committed after it will be announced.</summary>
    public void Listening(long since)
    {
        Volatile.Write(ref _listeningSince, since);
        Volatile.Write(ref _aliveAt, since);
    }

    /// <summary>The listener's connection answered a statement sent at <paramref name="at"/>: announcements of changes committed before it have arrived.</summary>
    public void Alive(long at) => Volatile.Write(ref _aliveAt, at);

    /// <summary>The listener lost its connection: announcements may be missed until it listens again.</summary>
    public void Deaf()
    {
        Volatile.Write(ref _listeningSince, long.MaxValue);
        Volatile.Write(ref _aliveAt, long.MinValue);
    }

    private sealed record Known(long Version, long ConfirmedAt);
}
