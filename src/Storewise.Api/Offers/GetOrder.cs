using System.Text.Json.Serialization;

namespace Storewise.Api.Offers;

/// <summary>Which qualifying units a BOGO offer gives (docs/pricing-semantics.md, "Buy from one set, get from another").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GetOrder>))]
public enum GetOrder
{
    /// <summary>The cheapest units, by remaining value (the default).</summary>
    [JsonStringEnumMemberName("cheapest")]
    Cheapest,

    /// <summary>The most expensive units.</summary>
    [JsonStringEnumMemberName("mostExpensive")]
    MostExpensive,
}
