using System.Text.Json.Serialization;
using Storewise.Api.Carts;

namespace Storewise.Api.Qualification;

/// <summary>One promotion or coupon the cart qualifies or nearly qualifies for.</summary>
public sealed record QualifiedOfferEntry
{
    /// <summary><c>promotion</c> or <c>coupon</c>.</summary>
    public required string Source { get; init; }

    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>The money it takes off this cart now, in the cart currency; 0 when it does not apply yet.</summary>
    public required decimal Saving { get; init; }

    /// <summary>Why it does not apply yet; absent when it applies.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    /// <summary>What is missing for it to apply; absent when it applies.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public HintEntry? Hint { get; init; }

    /// <summary>What is left of its limits and budget; absent for an unlimited offer.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public UsageEntry? Usage { get; init; }
}
