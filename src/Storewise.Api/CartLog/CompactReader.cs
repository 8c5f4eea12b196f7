using System.Text;

namespace Storewise.Api.CartLog;

/// <summary>Reads the values <see cref="CompactNumbers"/> wrote, in order; a malformed or short entry is a <see cref="FormatException"/>.</summary>
internal ref struct CompactReader(ReadOnlySpan<byte> stored, int start)
{
    private readonly ReadOnlySpan<byte> _stored = stored;
    private int _at = start;

    public ulong Number()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 6)
        {
            if (_at >= _stored.Length)
            {
                throw new FormatException("cart log entry ends early");
            }

            var digit = _stored[_at++];
            if (digit >= 0x40 && digit <= 0x7F)
            {
                value |= (ulong)(digit & 63) << shift;
            }
            else if (digit >= 0x20 && digit < 0x40)
            {
                return value | ((ulong)(digit - 0x20) << shift);
            }
            else
            {
                break;
            }
        }

        throw new FormatException("cart log entry has a malformed number");
    }

    public long Signed()
    {
        var zigzag = Number();
        return (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
    }

    public int Int32()
    {
        var value = Signed();
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw new FormatException("cart log entry has a malformed quantity");
    }

    /// <summary>A count or length, which must fit in what is left of the entry.</summary>
    public int Length()
    {
        var value = Number();
        return value <= (ulong)(_stored.Length - _at) ? (int)value : throw new FormatException("cart log entry has a length past its end");
    }

    public decimal Decimal()
    {
        var head = Number();
        var coefficient = Number();
        var high = (head & 1) == 0 ? 0u : checked((uint)Number());
        var scale = head >> 2;
        return scale <= 28
            ? new decimal((int)(uint)coefficient, (int)(uint)(coefficient >> 32), (int)high, (head & 2) != 0, (byte)scale)
            : throw new FormatException("cart log entry has a malformed decimal");
    }

    public ReadOnlySpan<byte> Bytes(int length)
    {
        if (length > _stored.Length - _at)
        {
            throw new FormatException("cart log entry ends early");
        }

        var bytes = _stored.Slice(_at, length);
        _at += length;
        return bytes;
    }

    public void Skip(int length) => Bytes(length);

    public string Text() => Encoding.UTF8.GetString(Bytes(Length()));

    /// <summary>A text, the pool's instance of it when a pool is given.</summary>
    public string Text(TextPool? pool)
    {
        var bytes = Bytes(Length());
        return pool is null ? Encoding.UTF8.GetString(bytes) : pool.Get(bytes);
    }

    public readonly void End()
    {
        if (_at != _stored.Length)
        {
            throw new FormatException("cart log entry has bytes after its end");
        }
    }
}
