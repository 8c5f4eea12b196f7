namespace Storewise.Api.Common;

/// <summary>
/// The one lookup of time zones by IANA id, for offers, budget periods and the store registry
/// (docs/decisions/1001-time-zones-with-timezoneinfo.md). Windows ids are refused so that stored data reads the
/// same on every host.
/// </summary>
public static class IanaZones
{
    public const string Message = "must be an IANA time zone id such as Europe/Berlin or America/New_York";

    public static bool TryFind(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (id is null || id.Length is 0 or > 64)
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return zone.HasIanaId;
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }
}
