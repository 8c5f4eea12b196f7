using System.Runtime.CompilerServices;

namespace Storewise.Pricing;

/// <summary>
/// A map from ordinal strings to values, split by hash into pages of about <see cref="PageTarget"/> keys, each a
/// small open-addressing table: an edit copies only the pages of the keys it changes and shares the rest with
/// the map it came from (docs/decisions/0530-edits-share-blocks.md). A lookup hashes once and reads the page index
/// and one page, whose slots hold key, hash and value side by side, as a dictionary reads its buckets and entries.
/// Immutable once built.
/// </summary>
internal sealed class PagedStringMap<TValue>
{
    private const int PageTarget = 32;

    // Each page at most half full, so every probe meets an empty slot.
    private readonly Slot[][] pages;
    private readonly int pageBits;

    private PagedStringMap(Slot[][] pages, int pageBits, int count)
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

        var pages = new Slot[byPage.Length][];
        for (var p = 0; p < pages.Length; p++)
        {
            pages[p] = NewPage(byPage[p], pageBits);
        }

        return new PagedStringMap<TValue>(pages, pageBits, entries.Count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(string key, out TValue value)
    {
        var hash = key.GetHashCode();
        return Find(pages[hash & ((1 << pageBits) - 1)], key, hash, pageBits, out value);
    }

    /// <summary>An editor whose result shares every page it does not change with this map, which stays as it is.</summary>
    public Editor Edit() => new(this);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Find(Slot[] page, string key, int hash, int pageBits, out TValue value)
    {
        var mask = page.Length - 1;
        for (var slot = Start(hash, pageBits, mask); page[slot].Key is { } found; slot = (slot + 1) & mask)
        {
            if (page[slot].Hash == hash && string.Equals(found, key, StringComparison.Ordinal))
            {
                value = page[slot].Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    // The bits above the page's pick the first slot.
    private static int Start(int hash, int pageBits, int mask) => (int)((uint)hash >> pageBits) & mask;

    private static Slot[] NewPage(List<KeyValuePair<string, TValue>> entries, int pageBits)
    {
        var capacity = 4;
        while (capacity < entries.Count * 2)
        {
            capacity <<= 1;
        }

        var page = new Slot[capacity];
        foreach (var (key, value) in entries)
        {
            Put(page, key, key.GetHashCode(), value, pageBits);
        }

        return page;
    }

    // True when the key is new.
    private static bool Put(Slot[] page, string key, int hash, TValue value, int pageBits)
    {
        var mask = page.Length - 1;
        var slot = Start(hash, pageBits, mask);
        while (page[slot].Key is { } found && !(page[slot].Hash == hash && string.Equals(found, key, StringComparison.Ordinal)))
        {
            slot = (slot + 1) & mask;
        }

        var added = page[slot].Key is null;
        page[slot] = new Slot(key, hash, value);
        return added;
    }

    // True when the key was there. The entries after it in its run move back into the gap where their probe would
    // pass it, so every probe still meets its key before an empty slot.
    private static bool Take(Slot[] page, string key, int hash, int pageBits)
    {
        var mask = page.Length - 1;
        var gap = Start(hash, pageBits, mask);
        while (!(page[gap].Hash == hash && string.Equals(page[gap].Key, key, StringComparison.Ordinal)))
        {
            if (page[gap].Key is null)
            {
                return false;
            }

            gap = (gap + 1) & mask;
        }

        for (var next = (gap + 1) & mask; page[next].Key is not null; next = (next + 1) & mask)
        {
            var home = Start(page[next].Hash, pageBits, mask);
            // The entry stays when its home lies after the gap, cyclically, up to where it is.
            var stays = gap <= next ? gap < home && home <= next : gap < home || home <= next;
            if (!stays)
            {
                page[gap] = page[next];
                gap = next;
            }
        }

        page[gap] = default;
        return true;
    }

    private static List<KeyValuePair<string, TValue>> Entries(Slot[] page)
    {
        var entries = new List<KeyValuePair<string, TValue>>(page.Length / 2);
        foreach (var slot in page)
        {
            if (slot.Key is not null)
            {
                entries.Add(new KeyValuePair<string, TValue>(slot.Key, slot.Value));
            }
        }

        return entries;
    }

    private readonly record struct Slot(string? Key, int Hash, TValue Value);

    /// <summary>Writes into copies of the pages it changes, each copied once.</summary>
    public sealed class Editor
    {
        private readonly PagedStringMap<TValue> source;
        private readonly Dictionary<int, (Slot[] Page, int Count)> changed = [];
        private int count;

        internal Editor(PagedStringMap<TValue> source)
        {
            this.source = source;
            count = source.Count;
        }

        public bool TryGetValue(string key, out TValue value)
        {
            var hash = key.GetHashCode();
            var page = changed.TryGetValue(PageOf(hash), out var edited) ? edited.Page : source.pages[PageOf(hash)];
            return Find(page, key, hash, source.pageBits, out value);
        }

        public void Set(string key, TValue value)
        {
            var hash = key.GetHashCode();
            var (page, pageCount) = Changed(hash);
            if (Put(page, key, hash, value, source.pageBits))
            {
                count++;
                pageCount++;
                if (pageCount * 2 > page.Length)
                {
                    page = NewPage(Entries(page), source.pageBits);
                }
            }

            changed[PageOf(hash)] = (page, pageCount);
        }

        public void Remove(string key)
        {
            var hash = key.GetHashCode();
            var (page, pageCount) = Changed(hash);
            if (Take(page, key, hash, source.pageBits))
            {
                count--;
                changed[PageOf(hash)] = (page, pageCount - 1);
            }
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
                    all.AddRange(Entries(changed.TryGetValue(p, out var page) ? page.Page : source.pages[p]));
                }

                return From(all);
            }

            var pages = (Slot[][])source.pages.Clone();
            foreach (var (p, page) in changed)
            {
                pages[p] = page.Page;
            }

            return new PagedStringMap<TValue>(pages, source.pageBits, count);
        }

        private int PageOf(int hash) => hash & ((1 << source.pageBits) - 1);

        private (Slot[] Page, int Count) Changed(int hash)
        {
            var p = PageOf(hash);
            if (!changed.TryGetValue(p, out var page))
            {
                var copy = (Slot[])source.pages[p].Clone();
                page = (copy, Entries(copy).Count);
                changed.Add(p, page);
            }

            return page;
        }
    }
}
