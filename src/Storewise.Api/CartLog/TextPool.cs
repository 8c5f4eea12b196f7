using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Storewise.Api.CartLog;

/// <summary>
/// One string instance per distinct UTF-8 text, found by the bytes without making a key object for a look-up: a
/// replay reads the same few currencies, channels, stores and category names in every cart (docs/decisions/0711-compact-cart-log.md).
/// Bounded: once <paramref name="capacity"/> texts are held it starts again empty, so memory stays flat over any log.
/// </summary>
/// <remarks>
/// A table of its own rather than a dictionary's span look-up (<c>GetAlternateLookup</c>), which measured about 0.5 µs
/// a hit here, more than the allocation it saves. Only texts with few distinct values belong here: pooling every
/// line's product (tens of thousands of them) made reading a cart twice as slow, each look-up a cache miss.
/// </remarks>
public sealed class TextPool(int capacity)
{
    // Per process, so the texts a tenant sends cannot be chosen to collide.
    private static readonly ulong Seed = (ulong)Random.Shared.NextInt64() | 1;

    private readonly int[] _buckets = new int[(int)BitOperations.RoundUpToPowerOf2((uint)capacity * 2)];
    private readonly Entry[] _entries = new Entry[capacity];
    private int _count;

    public string Get(ReadOnlySpan<byte> utf8)
    {
        var hash = Hash(utf8);
        ref var bucket = ref _buckets[hash & (_buckets.Length - 1)];
        for (var i = bucket - 1; i >= 0; i = _entries[i].Next)
        {
            ref var entry = ref _entries[i];
            if (entry.Hash == hash && utf8.SequenceEqual(entry.Key))
            {
                return entry.Text;
            }
        }

        var text = Encoding.UTF8.GetString(utf8);
        if (_count == _entries.Length)
        {
            Array.Clear(_buckets);
            Array.Clear(_entries);
            _count = 0;
        }

        _entries[_count] = new Entry(hash, bucket - 1, utf8.ToArray(), text);
        bucket = ++_count;
        return text;
    }

    // Eight bytes at a time, multiplied and rotated; the texts are short.
    private static int Hash(ReadOnlySpan<byte> key)
    {
        var hash = Seed ^ (ulong)key.Length;
        while (key.Length >= 8)
        {
            hash = (BitOperations.RotateLeft(hash, 23) ^ BinaryPrimitives.ReadUInt64LittleEndian(key)) * 0x9E3779B97F4A7C15;
            key = key[8..];
        }

        ulong tail = 0;
        for (var i = 0; i < key.Length; i++)
        {
            tail |= (ulong)key[i] << (8 * i);
        }

        hash = (BitOperations.RotateLeft(hash, 23) ^ tail) * 0x9E3779B97F4A7C15;
        return (int)(hash ^ (hash >> 32));
    }

    private readonly record struct Entry(int Hash, int Next, byte[] Key, string Text);
}
