using System.Text.Json.Serialization;

namespace Storewise.Api.Contracts;

/// <summary>What an offer may give per period: money per currency and/or a number of uses.</summary>
public sealed record OfferBudgetResource
{
    /// <summary>Money per currency; [] for a count budget only.</summary>
    public required IReadOnlyList<OfferBudgetAmountResource> Amounts { get; init; }

    /// <summary>Uses per period; absent when not set.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Redemptions { get; init; }

    /// <summary><c>total</c>, <c>day</c>, <c>week</c> (ISO, from Monday) or <c>month</c>, in the offer's time zone.</summary>
    public required string Period { get; init; }

    /// <summary>One budget per store id.</summary>
    public required bool PerStore { get; init; }
}

/// <summary>A money budget in one currency.</summary>
public sealed record OfferBudgetAmountResource
{
    /// <summary>ISO 4217 code.</summary>
    public required string Currency { get; init; }

    /// <summary>The money the offer may give per period in this currency.</summary>
    public required decimal Amount { get; init; }
}
