using System.Collections;

namespace Storewise.Pricing;

/// <summary>
/// A sorted array split into sorted blocks of about <see cref="BlockSize"/> elements behind a block index: an edit
/// copies the blocks it changes and the index, and shares every other block with the array it came from
/// (docs/decisions/0530-edits-share-blocks.md). Reads in order cost as much as a plain array's; a read by position
/// or a search costs one binary search over the block index more. Immutable.
/// </summary>
internal sealed class ChunkedSortedArray<T> : IReadOnlyList<T>
    where T : class
{
    /// <summary>Elements per block when built; a block that grows past twice this is split.</summary>
    public const int BlockSize = 512;

    private readonly T[][] blocks;

    // starts[b] is the position of blocks[b][0]; one more entry holds the length.
    private readonly int[] starts;

    private ChunkedSortedArray(T[][] blocks)
    {
        this.blocks = blocks;
        starts = new int[blocks.Length + 1];
        for (var b = 0; b < blocks.Length; b++)
        {
            starts[b + 1] = starts[b] + blocks[b].Length;
        }
    }

    public int Length => starts[^1];

    int IReadOnlyCollection<T>.Count => Length;

    public T this[int position]
    {
        get
        {
            if ((uint)position >= (uint)Length)
            {
                throw new ArgumentOutOfRangeException(nameof(position), position, "The position is outside the array.");
            }

            var block = BlockAt(position);
            return blocks[block][position - starts[block]];
        }
    }

    /// <summary>The elements of <paramref name="sorted"/>, which is already in order; it is not kept.</summary>
    public static ChunkedSortedArray<T> FromSorted(ReadOnlySpan<T> sorted)
    {
        var blocks = new T[(sorted.Length + BlockSize - 1) / BlockSize][];
        for (var b = 0; b < blocks.Length; b++)
        {
            blocks[b] = sorted.Slice(b * BlockSize, Math.Min(BlockSize, sorted.Length - (b * BlockSize))).ToArray();
        }

        return new ChunkedSortedArray<T>(blocks);
    }

    /// <summary>
    /// How many elements come before the place of <paramref name="probe"/>: those for which
    /// <paramref name="compare"/>(element, probe) is negative. The order must agree with the array's.
    /// </summary>
    public int CountBefore<TProbe>(TProbe probe, Func<T, TProbe, int> compare)
    {
        // The first block whose last element is not before the probe holds the place.
        int low = 0, high = blocks.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (compare(blocks[middle][^1], probe) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        if (low == blocks.Length)
        {
            return Length;
        }

        var block = blocks[low];
        int first = 0, last = block.Length;
        while (first < last)
        {
            var middle = first + ((last - first) / 2);
            if (compare(block[middle], probe) < 0)
            {
                first = middle + 1;
            }
            else
            {
                last = middle;
            }
        }

        return starts[low] + first;
    }

    /// <summary>
    /// This array without <paramref name="removed"/> (elements of it) and with <paramref name="inserted"/>, in
    /// <paramref name="order"/>, which must be the array's and tell any two distinct elements apart. Only the blocks
    /// that change are copied; this array is not changed.
    /// </summary>
    public ChunkedSortedArray<T> With(IReadOnlyCollection<T> removed, IReadOnlyCollection<T> inserted, IComparer<T> order)
    {
        if (removed.Count + inserted.Count == 0)
        {
            return this;
        }

        if (blocks.Length == 0)
        {
            var only = SortedArrayEdit.Apply([], removed, inserted, order);
            return FromSorted(only);
        }

        // Each change goes to the first block whose last element is not before it (the last block past the end):
        // an element equal to one removed lands in the same block, where SortedArrayEdit puts it in its place.
        var removedByBlock = new Dictionary<int, List<T>>();
        var insertedByBlock = new Dictionary<int, List<T>>();
        foreach (var item in removed)
        {
            Add(removedByBlock, BlockOf(item, order), item);
        }

        foreach (var item in inserted)
        {
            Add(insertedByBlock, BlockOf(item, order), item);
        }

        var result = new List<T[]>(blocks.Length + 1);
        for (var b = 0; b < blocks.Length; b++)
        {
            var leaving = removedByBlock.GetValueOrDefault(b);
            var arriving = insertedByBlock.GetValueOrDefault(b);
            if (leaving is null && arriving is null)
            {
                result.Add(blocks[b]);
                continue;
            }

            var edited = SortedArrayEdit.Apply(blocks[b], (IReadOnlyCollection<T>?)leaving ?? [], (IReadOnlyCollection<T>?)arriving ?? [], order);
            if (edited.Length <= 2 * BlockSize)
            {
                if (edited.Length > 0)
                {
                    result.Add(edited);
                }

                continue;
            }

            for (var start = 0; start < edited.Length; start += BlockSize)
            {
                result.Add(edited.AsSpan(start, Math.Min(BlockSize, edited.Length - start)).ToArray());
            }
        }

        return new ChunkedSortedArray<T>([.. result]);
    }

    public Enumerator GetEnumerator() => new(blocks);

    IEnumerator<T> IEnumerable<T>.GetEnumerator()
    {
        foreach (var item in this)
        {
            yield return item;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<T>)this).GetEnumerator();

    private static void Add(Dictionary<int, List<T>> byBlock, int block, T item)
    {
        if (!byBlock.TryGetValue(block, out var items))
        {
            items = [];
            byBlock.Add(block, items);
        }

        items.Add(item);
    }

    private int BlockOf(T item, IComparer<T> order)
    {
        int low = 0, high = blocks.Length - 1;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (order.Compare(blocks[middle][^1], item) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    // The block holding a position: the last whose start is not after it.
    private int BlockAt(int position)
    {
        int low = 0, high = blocks.Length - 1;
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            if (starts[middle] <= position)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    /// <summary>Block by block, without allocating.</summary>
    public struct Enumerator
    {
        private readonly T[][] blocks;
        private int block;
        private int index;

        internal Enumerator(T[][] blocks)
        {
            this.blocks = blocks;
            block = 0;
            index = -1;
        }

        public readonly T Current => blocks[block][index];

        public bool MoveNext()
        {
            while (block < blocks.Length)
            {
                if (++index < blocks[block].Length)
                {
                    return true;
                }

                block++;
                index = -1;
            }

            return false;
        }
    }
}
