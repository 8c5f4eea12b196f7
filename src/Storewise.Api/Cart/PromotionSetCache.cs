using System.Collections.Concurrent;
using Storewise.Pricing;

namespace Storewise.Api.Cart;

/// <summary>
/// Each tenant's compiled promotion set, kept per catalogue version. A request that sees a newer version
/// (read from the database with the cart's codes) triggers one rebuild, shared by concurrent requests;
/// the old set keeps serving nobody once replaced, and the swap is a single reference write.
/// </summary>
public sealed class PromotionSetCache(PromotionSetLoader loader)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<PromotionCatalog> GetAsync(string tenant, long version)
    {
        while (true)
        {
            if (_entries.TryGetValue(tenant, out var current) && current.Version >= version)
            {
                try
                {
                    return await current.Catalog.Value;
                }
                catch (Exception) when (current.Catalog.Value.IsFaulted)
                {
                    // A failed build (e.g. the database went away) must not stick: drop it and retry once more.
                    _entries.TryRemove(new KeyValuePair<string, Entry>(tenant, current));
                    throw;
                }
            }

            var fresh = new Entry(version, new Lazy<Task<PromotionCatalog>>(() => loader.LoadAsync(tenant)));
            var installed = current is null
                ? _entries.TryAdd(tenant, fresh)
                : _entries.TryUpdate(tenant, fresh, current);
            if (installed)
            {
                return await fresh.Catalog.Value;
            }
        }
    }

    /// <summary>Forgets every cached set (tests, memory pressure).</summary>
    public void Clear() => _entries.Clear();

    private sealed record Entry(long Version, Lazy<Task<PromotionCatalog>> Catalog);
}
