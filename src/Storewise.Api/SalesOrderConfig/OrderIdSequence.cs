using System.Globalization;
using System.Text.Json.Nodes;

namespace Storewise.Api.SalesOrderConfig;

/// <summary>
/// The human-readable order id sequence: <c>prefix</c> + the number zero-padded to <c>size</c> digits, the
/// numbers being start, start + step, start + 2·step, ... (docs/spec.md §8 #20).
/// </summary>
public sealed record OrderIdSequence(string Prefix, int Size, long Start, long Step)
{
    public const int MaxSize = 32;
    public const int MaxPrefixLength = 32;

    /// <summary>
    /// The largest number the sequence may hand out: it must fit in <see cref="Size"/> digits, and adding
    /// <see cref="Step"/> to it must not overflow the 64-bit counter.
    /// </summary>
    public long MaxNumber => Math.Min(LargestWithDigits(Size), long.MaxValue - Step);

    public static string FormatId(string prefix, int size, long number) =>
        prefix + number.ToString(CultureInfo.InvariantCulture).PadLeft(size, '0');

    public JsonObject ToJson() => new()
    {
        ["prefix"] = Prefix,
        ["size"] = Size,
        ["start"] = Start,
        ["step"] = Step,
    };

    /// <summary>10^digits − 1, or long.MaxValue when that does not fit.</summary>
    public static long LargestWithDigits(int digits)
    {
        long value = 1;
        for (var i = 0; i < digits; i++)
        {
            if (value > long.MaxValue / 10)
            {
                return long.MaxValue;
            }

            value *= 10;
        }

        return value - 1;
    }
}
