using System.Collections;
using System.Runtime.CompilerServices;

namespace Storewise.Pricing;

/// <summary>
/// A fixed array split into blocks of <see cref="BlockSize"/> elements behind a small block index, so a catalogue
/// derived by an edit copies only the blocks the edit writes and shares the rest with the catalogue it came from
/// (docs/decisions/0530-edits-share-blocks.md). A read costs one more load than a plain array. Immutable once built.
/// </summary>
internal sealed class ChunkedArray<T> : IReadOnlyList<T>
{
    /// <summary>Elements per block: 512 of 8 bytes is 4 KB, far below the large object heap's 85,000 bytes.</summary>
    public const int BlockSize = 1 << BlockShift;

    private const int BlockShift = 9;
    private const int BlockMask = BlockSize - 1;

    private readonly T[][] blocks;

    private ChunkedArray(T[][] blocks, int length)
    {
        this.blocks = blocks;
        Length = length;
    }

    public static ChunkedArray<T> Empty { get; } = new([], 0);

    public int Length { get; }

    int IReadOnlyCollection<T>.Count => Length;

    public T this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if ((uint)index >= (uint)Length)
            {
                ThrowOutOfRange(index);
            }

            return blocks[index >> BlockShift][index & BlockMask];
        }
    }

    /// <summary>A copy of <paramref name="items"/>.</summary>
    public static ChunkedArray<T> From(ReadOnlySpan<T> items)
    {
        var blocks = new T[BlockCount(items.Length)][];
        for (var b = 0; b < blocks.Length; b++)
        {
            blocks[b] = new T[BlockSize];
            var start = b << BlockShift;
            items.Slice(start, Math.Min(BlockSize, items.Length - start)).CopyTo(blocks[b]);
        }

        return new ChunkedArray<T>(blocks, items.Length);
    }

    /// <summary>An editor whose result shares every block it does not write with this array, which stays as it is.</summary>
    public Editor Edit() => new(this);

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator()
    {
        foreach (var item in this)
        {
            yield return item;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<T>)this).GetEnumerator();

    private static int BlockCount(int length) => (length + BlockMask) >> BlockShift;

    private static void ThrowOutOfRange(int index) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, "The index is outside the array.");

    /// <summary>Writes into copies of the blocks it touches, each copied once.</summary>
    public sealed class Editor
    {
        private readonly ChunkedArray<T> source;
        private readonly HashSet<int> owned = [];
        private T[][] blocks;
        private int length;

        internal Editor(ChunkedArray<T> source)
        {
            this.source = source;
            blocks = (T[][])source.blocks.Clone();
            length = source.Length;
        }

        public int Length => length;

        public T this[int index]
        {
            get => (uint)index < (uint)length ? blocks[index >> BlockShift][index & BlockMask] : throw new ArgumentOutOfRangeException(nameof(index));
            set
            {
                if ((uint)index >= (uint)length)
                {
                    ThrowOutOfRange(index);
                }

                Owned(index >> BlockShift)[index & BlockMask] = value;
            }
        }

        /// <summary>Shortens or lengthens the array; elements past the old length start as default.</summary>
        public void Resize(int newLength)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(newLength);
            var count = BlockCount(newLength);
            var resized = new T[count][];
            Array.Copy(blocks, resized, Math.Min(count, blocks.Length));
            for (var b = blocks.Length; b < count; b++)
            {
                resized[b] = new T[BlockSize];
                owned.Add(b);
            }

            blocks = resized;
            owned.RemoveWhere(b => b >= count);
            // Past the end stays default: a shorter array keeps no element alive, and a longer one starts at default.
            for (var index = newLength; index < Math.Min(length, count << BlockShift); index++)
            {
                Owned(index >> BlockShift)[index & BlockMask] = default!;
            }

            length = newLength;
        }

        public ChunkedArray<T> Build() =>
            owned.Count == 0 && length == source.Length ? source : new ChunkedArray<T>(blocks, length);

        private T[] Owned(int block)
        {
            if (owned.Add(block))
            {
                blocks[block] = (T[])blocks[block].Clone();
            }

            return blocks[block];
        }
    }

    /// <summary>Block by block, without allocating.</summary>
    public struct Enumerator
    {
        private readonly ChunkedArray<T> array;
        private int index;

        internal Enumerator(ChunkedArray<T> array)
        {
            this.array = array;
            index = -1;
        }

        public readonly T Current => array.blocks[index >> BlockShift][index & BlockMask];

        public bool MoveNext() => ++index < array.Length;
    }
}
