using System.Globalization;
using System.Text.RegularExpressions;

namespace Storewise.Api.Offers;

/// <summary>
/// A <c>validFrom</c>/<c>validTo</c> value (docs/spec.md §2.4): <c>yyyy-MM-ddTHH:mm:ss</c> with an optional <c>Z</c> or
/// <c>±hh:mm</c> offset. The text is kept exactly as sent; a value without an offset is read as UTC (docs/pricing-rules.md A30).
/// </summary>
public sealed partial record ValidityTime(string Text, DateTimeOffset Instant, bool HasOffset)
{
    public long UnixMs => Instant.ToUnixTimeMilliseconds();

    public static bool TryParse(string? text, out ValidityTime value)
    {
        value = null!;
        if (text is null || !Shape().IsMatch(text))
        {
            return false;
        }

        var hasOffset = text.Length > 19;
        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (!DateTimeOffset.TryParseExact(
                hasOffset ? text : text + "Z",
                ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss'Z'"],
                CultureInfo.InvariantCulture,
                styles,
                out var instant))
        {
            return false;
        }

        value = new ValidityTime(text, instant, hasOffset);
        return true;
    }

    /// <summary>Reads a stored value (validated when it was written).</summary>
    public static ValidityTime ParseStored(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"invalid stored time '{text}'");

    /// <summary>The shape of the text, also stated in the OpenAPI document for the list filters.</summary>
    public const string Pattern = @"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?$";

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
