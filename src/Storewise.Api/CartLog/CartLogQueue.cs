using System.Collections.Concurrent;
using System.Threading.Channels;
using Storewise.Api.Storage;

namespace Storewise.Api.CartLog;

/// <summary>
/// The cart endpoint's side of the cart log (docs/decisions/0703-cart-log.md): decides from the tenant's cached
/// setting whether to log a priced cart and hands it to a bounded queue, never waiting; <see cref="CartLogWriter"/>
/// writes the queue in batches. A full queue drops the cart and counts it.
/// </summary>
public sealed partial class CartLogQueue
{
    private readonly Channel<LoggedCartRow> _channel;
    private readonly ConcurrentDictionary<string, CachedSetting> _settings = new(StringComparer.Ordinal);
    private readonly Database _database;
    private readonly TimeProvider _clock;
    private readonly ILogger<CartLogQueue> _logger;
    private readonly long _refreshTicks;
    private long _dropped;

    public CartLogQueue(Database database, TimeProvider clock, CartLogOptions options, ILogger<CartLogQueue> logger)
    {
        _database = database;
        _clock = clock;
        _logger = logger;
        _refreshTicks = options.SettingsRefreshSeconds * clock.TimestampFrequency;
        _channel = Channel.CreateBounded<LoggedCartRow>(new BoundedChannelOptions(Math.Max(1, options.QueueCapacity))
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });
    }

    public ChannelReader<LoggedCartRow> Reader => _channel.Reader;

    /// <summary>Sampled carts not logged because the queue was full, since start.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Logs <paramref name="cart"/> if the tenant's sample says so; <paramref name="evaluatedAt"/> is the request's own instant, if it sent one.</summary>
    public void Offer(string tenant, Pricing.Cart cart, DateTimeOffset? evaluatedAt)
    {
        var ppm = SamplePpm(tenant);
        if (ppm <= 0 || (ppm < CartLogSettings.PartsPerMillion && Random.Shared.Next(CartLogSettings.PartsPerMillion) >= ppm))
        {
            return;
        }

        var row = new LoggedCartRow(tenant, _clock.GetUtcNow().ToUnixTimeMilliseconds(), cart, evaluatedAt?.ToUnixTimeMilliseconds());
        if (!_channel.Writer.TryWrite(row))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Uses <paramref name="settings"/> at once on this instance (after a write of the setting here).</summary>
    public void Remember(CartLogSettings settings) =>
        _settings[settings.Tenant] = new CachedSetting(settings.SamplePpm, _clock.GetTimestamp() + _refreshTicks);

    /// <summary>Stops taking carts; the writer drains what is queued.</summary>
    public void Complete() => _channel.Writer.TryComplete();

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
