using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Storewise.Api.CartLog;

/// <summary>
/// Writes the values of <see cref="CompactCart"/>. A number is written low digits first: each digit but the last is
/// a byte from 0x40 to 0x7F holding 6 bits, the last a byte from 0x20 to 0x3F holding 5, so every byte is printable
/// ASCII; numbers under 32 (most lengths and quantities) take one byte. Signed numbers are zigzagged first.
/// </summary>
public static class CompactNumbers
{
    // 64 bits: ten 6-bit digits and a last one.
    internal const int MaxDigits = 11;

    public static void Write(IBufferWriter<byte> output, ulong value)
    {
        var span = output.GetSpan(MaxDigits);
        var i = 0;
        while (value >= 32)
        {
            span[i++] = (byte)(0x40 | (value & 63));
            value >>= 6;
        }

        span[i++] = (byte)(0x20 + value);
        output.Advance(i);
    }

    public static void WriteSigned(IBufferWriter<byte> output, long value) => Write(output, (ulong)((value << 1) ^ (value >> 63)));

    /// <summary>A decimal as its scale, sign and 96-bit coefficient, so it reads back with the same scale (19.990 stays 19.990).</summary>
    public static void WriteDecimal(IBufferWriter<byte> output, decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var negative = bits[3] < 0 ? 1 : 0;
        var high = bits[2] != 0 ? 1 : 0;
        Write(output, (ulong)((scale << 2) | (negative << 1) | high));
        Write(output, ((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
        if (high != 0)
        {
            Write(output, (uint)bits[2]);
        }
    }

    /// <summary>
    /// A text as its UTF-8 length (plus one when <paramref name="plusOne"/>, leaving 0 for "none") and its bytes; false
    /// when it holds a NUL character or a lone surrogate, which the compact form does not store.
    /// </summary>
    public static bool TryWriteText(IBufferWriter<byte> output, string value, bool plusOne = false)
    {
        if (value.Contains('\0'))
        {
            return false;
        }

        var count = Encoding.UTF8.GetByteCount(value);
        Write(output, (ulong)count + (plusOne ? 1UL : 0UL));
        var span = output.GetSpan(Math.Max(1, count));
        if (Utf8.FromUtf16(value, span, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            return false;
        }

        output.Advance(written);
        return true;
    }
}
