using System.Text.Json.Serialization;

namespace Storewise.Api.PromotionsConfiguration;

/// <summary>
/// What <c>localizedTimezone: true</c> means for a tenant's offers without a <c>timeZone</c>
/// (docs/pricing-semantics.md, "Time and audience"): naive validity times as UTC instants, or as wall-clock times of
/// the cart's store.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<LocalizedTimezoneReading>))]
public enum LocalizedTimezoneReading
{
    /// <summary>Naive times are UTC (docs/decisions/0103-validity-times.md); the default.</summary>
    [JsonStringEnumMemberName("utc")]
    Utc,

    /// <summary>Naive times and schedules are read in the zone of the cart's store (store registry), UTC when it has none.</summary>
    [JsonStringEnumMemberName("storeLocal")]
    StoreLocal,
}
