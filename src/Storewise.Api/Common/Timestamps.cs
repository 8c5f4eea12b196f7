using System.Globalization;

namespace Storewise.Api.Common;

/// <summary>Time formats of the API (docs/spec.md §0.5) and the Unix-millisecond form used in storage.</summary>
public static class Timestamps
{
    public static long ToUnixMs(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromUnixMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    /// <summary>RFC 3339 UTC with a Z suffix, whole seconds: <c>2023-04-27T13:15:55Z</c>.</summary>
    public static string Rfc3339(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Go's <c>time.Time.String()</c> layout used by code imports: <c>2023-05-22 11:27:53.639 +0000 UTC</c>.</summary>
    public static string GoLayout(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFF", CultureInfo.InvariantCulture).TrimEnd('.') + " +0000 UTC";
}
