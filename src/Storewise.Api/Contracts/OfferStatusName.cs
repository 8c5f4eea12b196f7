using System.Text.Json.Serialization;

namespace Storewise.Api.Contracts;

/// <summary>The derived <c>status</c> of an offer, as the API spells it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OfferStatusName>))]
public enum OfferStatusName
{
    Disabled,
    Planned,
    Running,
    Past,
    Scheduled,
}
