using System.Text.Json.Serialization;

namespace Storewise.Api.Offers;

/// <summary>
/// A recurring window of an offer's <c>schedule</c> as stored and echoed: <c>{"days": ["Fri", "Sat"], "from": "17:00",
/// "to": "19:00"}</c>; <c>to</c> not after <c>from</c> crosses midnight (docs/pricing-semantics.md, "Time and audience").
/// </summary>
public sealed record OfferScheduleWindow(IReadOnlyList<ScheduleDay> Days, string From, string To);

/// <summary>Customer attribute conditions beside the segment: all of <c>allOf</c>, and one of <c>anyOf</c> when it is not empty.</summary>
public sealed record OfferCustomerConditions(IReadOnlyList<OfferAttributeCondition> AllOf, IReadOnlyList<OfferAttributeCondition> AnyOf);

/// <summary>One attribute condition as sent: <c>{key, value}</c> or <c>{key, values}</c> (one of them).</summary>
public sealed record OfferAttributeCondition(string Key)
{
    /// <summary>The value the attribute must have; absent when <see cref="Values"/> is given.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Value { get; init; }

    /// <summary>Values of which the attribute must have one; absent when <see cref="Value"/> is given.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Values { get; init; }
}
