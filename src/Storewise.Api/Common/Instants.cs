using System.Globalization;

namespace Storewise.Api.Common;

/// <summary>Instants sent in queries and bodies: RFC 3339 with an offset (Z or ±hh:mm), fractions of a second allowed.</summary>
public static class Instants
{
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    public static bool TryParse(string? text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out instant);
}
