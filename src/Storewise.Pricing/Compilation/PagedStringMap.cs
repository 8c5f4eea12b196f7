using System.Runtime.CompilerServices;

namespace Storewise.Pricing;

/// <summary>
/// A map from ordinal strings to values, split by hash into pages of about <see cref="PageTarget"/> keys, each a
/// small open-addressing table: an edit copies only the pages of the keys it changes and shares the rest with
/// the map it came from (docs/decisions/0530-edits-share-blocks.md). A lookup hashes once and probes one page, as a
/// dictionary probes its buckets. Immutable once built.
/// </summary>
internal sealed class PagedStringMap<TValue>
{
    private const int PageTarget = 32;

    private readonly Page[] pages;
    private readonly int pageBits;

    private PagedStringMap(Page[] pages, int pageBits, int count)
    {
        this.pages = pages;
        this.pageBits = pageBits;
        Count = count;
    }

    public int Count { get; }

    /// <summary>A map holding <paramref name="entries"/>, whose keys are distinct.</summary>
    public static PagedStringMap<TValue> From(IReadOnlyCollection<KeyValuePair<string, TValue>> entries)
    {
        var pageBits = 0;
        while ((PageTarget << pageBits) < entries.Count)
        {
            pageBits++;
        }

        var byPage = new List<KeyValuePair<string, TValue>>[1 << pageBits];
        for (var p = 0; p < byPage.Length; p++)
        {
            byPage[p] = [];
        }

        foreach (var entry in entries)
        {
            byPage[entry.Key.GetHashCode() & ((1 << pageBits) - 1)].Add(entry);
        }

        var pages = new Page[byPage.Length];
        for (var p = 0; p < pages.Length; p++)
        {
            pages[p] = new Page(byPage[p], pageBits);
        }

        return new PagedStringMap<TValue>(pages, pageBits, entries.Count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(string key, out TValue value)
    {
        var hash = key.GetHashCode();
        return pages[hash & ((1 << pageBits) - 1)].TryGetValue(key, hash, pageBits, out value);
    }

    /// <summary>An editor whose result shares every page it does not change with this map, which stays as it is.</summary>
    public Editor Edit() => new(this);

    /// <summary>Writes into copies of the pages it changes, each copied once.</summary>
    public sealed class Editor
    {
        private readonly PagedStringMap<TValue> source;
        private readonly Dictionary<int, Page> changed = [];
        private int count;

        internal Editor(PagedStringMap<TValue> source)
        {
            this.source = source;
            count = source.Count;
        }

        public bool TryGetValue(string key, out TValue value)
        {
            var hash = key.GetHashCode();
            var page = changed.GetValueOrDefault(PageOf(hash)) ?? source.pages[PageOf(hash)];
            return page.TryGetValue(key, hash, source.pageBits, out value);
        }

        public void Set(string key, TValue value)
        {
            var hash = key.GetHashCode();
            var page = Changed(hash);
            if (page.Set(key, hash, value, source.pageBits))
            {
                count++;
                if (page.Count * 2 > page.Capacity)
                {
                    changed[PageOf(hash)] = new Page(page.Entries().ToList(), source.pageBits);
                }
            }
        }

        public void Remove(string key)
        {
            var hash = key.GetHashCode();
            count -= Changed(hash).Remove(key, hash, source.pageBits) ? 1 : 0;
        }

        public PagedStringMap<TValue> Build()
        {
            if (changed.Count == 0)
            {
                return source;
            }

            // Grown to more than four times the keys a page was sized for: spread over more pages, all rebuilt.
            if (count > (PageTarget * 4) << source.pageBits)
            {
                var all = new List<KeyValuePair<string, TValue>>(count);
                for (var p = 0; p < source.pages.Length; p++)
                {
                    all.AddRange((changed.GetValueOrDefault(p) ?? source.pages[p]).Entries());
                }

                return From(all);
            }

            var pages = (Page[])source.pages.Clone();
            foreach (var (p, page) in changed)
            {
                pages[p] = page;
            }

            return new PagedStringMap<TValue>(pages, source.pageBits, count);
        }

        private int PageOf(int hash) => hash & ((1 << source.pageBits) - 1);

        private Page Changed(int hash)
        {
            var p = PageOf(hash);
            if (!changed.TryGetValue(p, out var page))
            {
                page = source.pages[p].Copy();
                changed.Add(p, page);
            }

            return page;
        }
    }

    // Open addressing with linear probing; at most half full, so every probe meets an empty slot. Written only by
    // an editor, before the map that holds it is built.
    private sealed class Page
    {
        private readonly string?[] keys;
        private readonly TValue[] values;
        private readonly int[] hashes;

        private Page(string?[] keys, TValue[] values, int[] hashes, int count)
        {
            this.keys = keys;
            this.values = values;
            this.hashes = hashes;
            Count = count;
        }

        public Page(List<KeyValuePair<string, TValue>> entries, int pageBits)
        {
            Count = entries.Count;
            var capacity = 4;
            while (capacity < entries.Count * 2)
            {
                capacity <<= 1;
            }

            keys = new string?[capacity];
            values = new TValue[capacity];
            hashes = new int[capacity];
            foreach (var (key, value) in entries)
            {
                var hash = key.GetHashCode();
                var slot = Start(hash, pageBits, capacity - 1);
                while (keys[slot] is not null)
                {
                    slot = (slot + 1) & (capacity - 1);
                }

                keys[slot] = key;
                values[slot] = value;
                hashes[slot] = hash;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryGetValue(string key, int hash, int pageBits, out TValue value)
        {
            var mask = keys.Length - 1;
            for (var slot = Start(hash, pageBits, mask); keys[slot] is { } found; slot = (slot + 1) & mask)
            {
                if (hashes[slot] == hash && string.Equals(found, key, StringComparison.Ordinal))
                {
                    value = values[slot];
                    return true;
                }
            }

            value = default!;
            return false;
        }

        public int Count { get; private set; }

        public int Capacity => keys.Length;

        public Page Copy() => new((string?[])keys.Clone(), (TValue[])values.Clone(), (int[])hashes.Clone(), Count);

        /// <summary>True when the key is new.</summary>
        public bool Set(string key, int hash, TValue value, int pageBits)
        {
            var mask = keys.Length - 1;
            var slot = Start(hash, pageBits, mask);
            while (keys[slot] is { } found && !(hashes[slot] == hash && string.Equals(found, key, StringComparison.Ordinal)))
            {
                slot = (slot + 1) & mask;
            }

            var added = keys[slot] is null;
            keys[slot] = key;
            values[slot] = value;
            hashes[slot] = hash;
            Count += added ? 1 : 0;
            return added;
        }

        /// <summary>
        /// True when the key was there. The entries after it in its run move back into the gap where their probe
        /// would pass it, so every probe still meets its key before an empty slot.
        /// </summary>
        public bool Remove(string key, int hash, int pageBits)
        {
            var mask = keys.Length - 1;
            var gap = Start(hash, pageBits, mask);
            while (!(hashes[gap] == hash && string.Equals(keys[gap], key, StringComparison.Ordinal)))
            {
                if (keys[gap] is null)
                {
                    return false;
                }

                gap = (gap + 1) & mask;
            }

            for (var next = (gap + 1) & mask; keys[next] is not null; next = (next + 1) & mask)
            {
                var home = Start(hashes[next], pageBits, mask);
                // The entry stays when its home lies after the gap, cyclically, up to where it is.
                var stays = gap <= next ? gap < home && home <= next : gap < home || home <= next;
                if (!stays)
                {
                    keys[gap] = keys[next];
                    values[gap] = values[next];
                    hashes[gap] = hashes[next];
                    gap = next;
                }
            }

            keys[gap] = null;
            values[gap] = default!;
            hashes[gap] = 0;
            Count--;
            return true;
        }

        public IEnumerable<KeyValuePair<string, TValue>> Entries()
        {
            for (var slot = 0; slot < keys.Length; slot++)
            {
                if (keys[slot] is { } key)
                {
                    yield return new KeyValuePair<string, TValue>(key, values[slot]);
                }
            }
        }

        // The bits above the page's pick the first slot.
        private static int Start(int hash, int pageBits, int mask) => (int)((uint)hash >> pageBits) & mask;
    }
}
