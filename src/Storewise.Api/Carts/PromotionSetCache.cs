using System.Collections.Concurrent;
using Storewise.Pricing;

namespace Storewise.Api.Carts;

/// <summary>
/// Each tenant's compiled promotion set, kept per catalogue version. A request that sees a newer version
/// (read from the database with the cart's codes) triggers one rebuild, shared by concurrent requests;
/// the old set keeps serving nobody once replaced, and the swap is a single reference write.
/// </summary>
public sealed class PromotionSetCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Func<string, Task<PromotionCatalog>> _load;

    public PromotionSetCache(PromotionSetLoader loader)
        : this(loader.LoadAsync)
    {
    }

    /// <summary>For tests: builds sets with <paramref name="load"/> instead of reading the database.</summary>
    internal PromotionSetCache(Func<string, Task<PromotionCatalog>> load) => _load = load;

    public async Task<PromotionCatalog> GetAsync(string tenant, long version)
    {
        while (true)
        {
            if (!_entries.TryGetValue(tenant, out var entry) || entry.Version < version)
            {
                var fresh = new Entry(version, new Lazy<Task<PromotionCatalog>>(() => _load(tenant)));
                var installed = entry is null ? _entries.TryAdd(tenant, fresh) : _entries.TryUpdate(tenant, fresh, entry);
                if (!installed)
                {
                    continue; // another request swapped in a set first: use that one
                }

                entry = fresh;
            }

            try
            {
                return await entry.Catalog.Value;
            }
            catch (Exception) when (entry.Catalog.Value.IsFaulted)
            {
                // A failed build (e.g. the database went away) must not stick: the next request builds again.
                _entries.TryRemove(new KeyValuePair<string, Entry>(tenant, entry));
                throw;
            }
        }
    }

    /// <summary>Forgets every cached set (tests, memory pressure).</summary>
    public void Clear() => _entries.Clear();

    private sealed record Entry(long Version, Lazy<Task<PromotionCatalog>> Catalog);
}
