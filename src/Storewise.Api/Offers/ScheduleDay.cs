using System.Text.Json.Serialization;

namespace Storewise.Api.Offers;

/// <summary>A day of the week in a schedule window, as the API spells it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScheduleDay>))]
public enum ScheduleDay
{
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}
