using System.Text.Json.Serialization;

namespace Storewise.Api.Offers;

/// <summary>The period a budget renews on; boundaries are local midnights of the offer's time zone.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BudgetPeriod>))]
public enum BudgetPeriod
{
    /// <summary>Never renews.</summary>
    [JsonStringEnumMemberName("total")]
    Total,

    /// <summary>Renews at local midnight.</summary>
    [JsonStringEnumMemberName("day")]
    Day,

    /// <summary>Renews at local midnight starting Monday (ISO 8601 week).</summary>
    [JsonStringEnumMemberName("week")]
    Week,

    /// <summary>Renews at local midnight starting the first of the month.</summary>
    [JsonStringEnumMemberName("month")]
    Month,
}
