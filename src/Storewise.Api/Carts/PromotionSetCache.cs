using System.Collections.Concurrent;
using Storewise.Pricing;

namespace Storewise.Api.Carts;

/// <summary>
/// Each tenant's compiled promotion set, kept per catalogue version. A request that sees a newer version
/// (read from the database with the cart's codes) triggers one rebuild, shared by concurrent requests;
/// the old set keeps serving nobody once replaced, and the swap is a single reference write. A rebuild is given
/// the set it replaces, so that it can derive the new one from it (docs/decisions/0514-incremental-catalogue-updates.md).
/// </summary>
public sealed class PromotionSetCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Func<string, LoadedPromotionSet?, Task<LoadedPromotionSet>> _load;

    public PromotionSetCache(PromotionSetLoader loader)
        : this(loader.LoadAsync)
    {
    }

    /// <summary>For tests: builds sets with <paramref name="load"/> instead of reading the database.</summary>
    internal PromotionSetCache(Func<string, Task<PromotionCatalog>> load)
        : this(async (tenant, _) => new LoadedPromotionSet(await load(tenant), Version: 0, UnstampedVersions: 0, Settings: null, Derived: false))
    {
    }

    private PromotionSetCache(Func<string, LoadedPromotionSet?, Task<LoadedPromotionSet>> load) => _load = load;

    public async Task<PromotionCatalog> GetAsync(string tenant, long version)
    {
        while (true)
        {
            if (!_entries.TryGetValue(tenant, out var entry) || entry.Version < version)
            {
                var previous = entry is { Set.IsValueCreated: true } && entry.Set.Value.IsCompletedSuccessfully ? entry.Set.Value.Result : null;
                var fresh = new Entry(version, new Lazy<Task<LoadedPromotionSet>>(() => _load(tenant, previous)));
                var installed = entry is null ? _entries.TryAdd(tenant, fresh) : _entries.TryUpdate(tenant, fresh, entry);
                if (!installed)
                {
                    continue; // another request swapped in a set first: use that one
                }

                entry = fresh;
            }

            try
            {
                return (await entry.Set.Value).Catalog;
            }
            catch (Exception) when (entry.Set.Value.IsFaulted)
            {
                // A failed build (e.g. the database went away) must not stick: the next request builds again.
                _entries.TryRemove(new KeyValuePair<string, Entry>(tenant, entry));
                throw;
            }
        }
    }

    /// <summary>The tenant's current set once built, or null (tests: was it derived or compiled afresh).</summary>
    internal LoadedPromotionSet? Current(string tenant) =>
        _entries.TryGetValue(tenant, out var entry) && entry.Set.IsValueCreated && entry.Set.Value.IsCompletedSuccessfully ? entry.Set.Value.Result : null;

    /// <summary>Forgets every cached set (tests, memory pressure).</summary>
    public void Clear() => _entries.Clear();

    private sealed record Entry(long Version, Lazy<Task<LoadedPromotionSet>> Set);
}
