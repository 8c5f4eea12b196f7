using System.Text.Json.Serialization;

namespace Storewise.Api.Contracts;

/// <summary>Count limits of an offer; a limit that is not set is absent.</summary>
public sealed record OfferLimitsResource
{
    /// <summary>Uses of the whole offer.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxRedemptions { get; init; }

    /// <summary>Coupons: uses of each code.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxRedemptionsPerCode { get; init; }

    /// <summary>Uses per customer id; the offer then never applies without a customer id.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxRedemptionsPerCustomer { get; init; }
}
