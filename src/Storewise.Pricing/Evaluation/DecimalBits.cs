using System.Runtime.CompilerServices;

namespace Storewise.Pricing;

/// <summary>
/// Room for the four integers of <see cref="decimal.GetBits(decimal, Span{int})"/> in a local, without the
/// stackalloc (and its stack guard) that reading every line's price paid for.
/// </summary>
[InlineArray(4)]
internal struct DecimalBits
{
    private int element;
}
