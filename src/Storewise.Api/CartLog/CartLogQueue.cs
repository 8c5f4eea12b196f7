using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using Storewise.Api.Storage;

namespace Storewise.Api.CartLog;

/// <summary>
/// The cart endpoint's side of the cart log (docs/decisions/0703-cart-log.md): decides from the tenant's cached
/// setting whether to log a priced cart and hands it to a bounded queue, never waiting; <see cref="CartLogWriter"/>
/// writes the queue in batches. A full queue drops the cart and counts it.
/// </summary>
public sealed partial class CartLogQueue : IDisposable
{
    private readonly Channel<LoggedCartRow> _channel;
    private readonly ConcurrentDictionary<string, CachedSetting> _settings = new(StringComparer.Ordinal);
    private readonly Database _database;
    private readonly TimeProvider _clock;
    private readonly ILogger<CartLogQueue> _logger;
    private readonly long _refreshTicks;
    private readonly int _batchSize;
    private readonly int _capacity;

    // Released when the queued carts reach a batch, so the writer need not wait out its interval.
    private readonly SemaphoreSlim _batchQueued = new(0);
    private long _dropped;
    private int _queued;

    public CartLogQueue(Database database, TimeProvider clock, CartLogOptions options, ILogger<CartLogQueue> logger)
    {
        _database = database;
        _clock = clock;
        _logger = logger;
        _refreshTicks = options.SettingsRefreshSeconds * clock.TimestampFrequency;
        _batchSize = Math.Max(1, options.BatchSize);
        _capacity = Math.Max(1, options.QueueCapacity);
        _channel = Channel.CreateBounded<LoggedCartRow>(new BoundedChannelOptions(_capacity)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });
    }

    public ChannelReader<LoggedCartRow> Reader => _channel.Reader;

    /// <summary>Sampled carts not logged because the queue was full, since start.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Sampled carts in the queue (as the writer last counted them off).</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>
    /// Logs <paramref name="cart"/> if the tenant's sample says so; <paramref name="evaluatedAt"/> is the request's own
    /// instant, if it sent one. The cart is encoded here, so the queue keeps one string per cart rather than the parsed
    /// cart until the writer's next interval (docs/decisions/0712-cart-log-writes-in-intervals.md).
    /// </summary>
    public void Offer(string tenant, Pricing.Cart cart, DateTimeOffset? evaluatedAt)
    {
        var ppm = SamplePpm(tenant);
        if (ppm <= 0 || (ppm < CartLogSettings.PartsPerMillion && Random.Shared.Next(CartLogSettings.PartsPerMillion) >= ppm))
        {
            return;
        }

        if (Volatile.Read(ref _queued) >= _capacity)
        {
            // Full: counted without encoding a cart that would only be refused.
            Interlocked.Increment(ref _dropped);
            return;
        }

        var row = new LoggedCartRow(tenant, _clock.GetUtcNow().ToUnixTimeMilliseconds(), cart, evaluatedAt?.ToUnixTimeMilliseconds());
        if (!_channel.Writer.TryWrite(row))
        {
            Interlocked.Increment(ref _dropped);
        }
        else if (Interlocked.Increment(ref _queued) == _batchSize)
        {
            _batchQueued.Release();
        }
    }

    /// <summary>
    /// Waits until a batch is queued or <paramref name="interval"/> has passed (on the real clock: a test's clock may
    /// stand still); a batch already queued returns at once.
    /// </summary>
    public void WaitForBatch(TimeSpan interval, CancellationToken cancellationToken)
    {
        // A signal left from a batch the writer has written since is stale.
        while (_batchQueued.Wait(0, CancellationToken.None))
        {
        }

        if (Queued < _batchSize)
        {
            _batchQueued.Wait(interval, cancellationToken);
        }
    }

    /// <summary>Takes the next queued cart, if any (the writer's side).</summary>
    public bool TryTake([MaybeNullWhen(false)] out LoggedCartRow row)
    {
        if (!_channel.Reader.TryRead(out row))
        {
            return false;
        }

        Interlocked.Decrement(ref _queued);
        return true;
    }

    /// <summary>Uses <paramref name="settings"/> at once on this instance (after a write of the setting here).</summary>
    public void Remember(CartLogSettings settings) =>
        _settings[settings.Tenant] = new CachedSetting(settings.SamplePpm, _clock.GetTimestamp() + _refreshTicks);

    /// <summary>Stops taking carts; the writer drains what is queued.</summary>
    public void Complete() => _channel.Writer.TryComplete();

    public void Dispose() => _batchQueued.Dispose();

    // The cached value answers at once; an expired or missing one is read again in the background (the first
    // request that sees it claims the read by moving the expiry), and until then the old value holds.
    private int SamplePpm(string tenant)
    {
        var now = _clock.GetTimestamp();
        if (_settings.TryGetValue(tenant, out var cached) && cached.ExpiresAt > now)
        {
            return cached.SamplePpm;
        }

        var claim = new CachedSetting(cached?.SamplePpm ?? 0, now + _refreshTicks);
        var claimed = cached is null ? _settings.TryAdd(tenant, claim) : _settings.TryUpdate(tenant, claim, cached);
        if (claimed)
        {
            _ = RefreshAsync(tenant, claim);
        }

        return claim.SamplePpm;
    }

    // Installs what it read only over its own claim: a setting written here meanwhile (Remember) is newer.
    private async Task RefreshAsync(string tenant, CachedSetting claim)
    {
        try
        {
            await using var connection = await _database.OpenAsync();
            var settings = await CartLogSettingsStore.GetAsync(connection, tenant);
            _settings.TryUpdate(tenant, new CachedSetting(settings.SamplePpm, _clock.GetTimestamp() + _refreshTicks), claim);
        }
        catch (Exception exception)
        {
            // The log is best effort: a failed read keeps the old setting until the next refresh.
            LogRefreshFailed(_logger, exception, tenant);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the cart log setting of tenant {Tenant}")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string tenant);

    // A class, not a record: a claim is recognised by reference, never by an equal value.
    private sealed class CachedSetting(int samplePpm, long expiresAt)
    {
        public int SamplePpm { get; } = samplePpm;

        public long ExpiresAt { get; } = expiresAt;
    }
}
