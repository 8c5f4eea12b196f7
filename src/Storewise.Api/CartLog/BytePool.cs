using System.Buffers.Binary;
using System.Numerics;

namespace Storewise.Api.CartLog;

/// <summary>
/// Values found by the UTF-8 bytes they were read from, without making a key object for a look-up: a replay reads
/// the same store ids, line ids and products again and again, and one instance of each is kept instead of a copy per
/// cart. Bounded: once <paramref name="capacity"/> keys are held it starts again empty, so memory stays flat over
/// any log.
/// </summary>
/// <remarks>
/// A table of its own rather than a dictionary's span look-up (<c>GetAlternateLookup</c>), which measured about
/// 0.5 µs a hit here (docs/decisions/0711-compact-cart-log.md), more than the allocations it saves.
/// </remarks>
public sealed class BytePool<T>(int capacity)
    where T : class
{
    // Per process, so the keys a tenant sends cannot be chosen to collide.
    private static readonly ulong Seed = (ulong)Random.Shared.NextInt64() | 1;

    private readonly int[] _buckets = new int[(int)BitOperations.RoundUpToPowerOf2((uint)capacity * 2)];
    private readonly Entry[] _entries = new Entry[capacity];
    private int _count;

    public int Count => _count;

    public bool TryGet(ReadOnlySpan<byte> key, out T value)
    {
        var hash = Hash(key);
        for (var i = _buckets[hash & (_buckets.Length - 1)] - 1; i >= 0; i = _entries[i].Next)
        {
            ref var entry = ref _entries[i];
            if (entry.Hash == hash && key.SequenceEqual(entry.Key))
            {
                value = entry.Value;
                return true;
            }
        }

        value = null!;
        return false;
    }

    /// <summary>Adds a key <see cref="TryGet"/> did not find.</summary>
    public void Add(ReadOnlySpan<byte> key, T value)
    {
        if (_count == _entries.Length)
        {
            Array.Clear(_buckets);
            Array.Clear(_entries);
            _count = 0;
        }

        var hash = Hash(key);
        ref var bucket = ref _buckets[hash & (_buckets.Length - 1)];
        _entries[_count] = new Entry(hash, bucket - 1, key.ToArray(), value);
        bucket = ++_count;
    }

    // Eight bytes at a time, multiplied and rotated; the keys are short (ids, a product's few texts).
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

    private readonly record struct Entry(int Hash, int Next, byte[] Key, T Value);
}
