using System.Text.Json.Serialization;
using Storewise.Pricing;

namespace Storewise.Api.Carts;

/// <summary>
/// A near-miss hint on the wire (docs/pricing-semantics.md, "Near-miss hints"):
/// <c>{"kind":"cartValue","missing":12.40,"currency":"EUR"}</c>, <c>{"kind":"units","missing":2,"products":[...],"categories":[...]}</c>
/// or <c>{"kind":"schedule","opensAt":"..."}</c>. Members a kind does not use are absent.
/// </summary>
public sealed record HintEntry
{
    /// <summary>What is missing: cart value, units, or time until the offer opens.</summary>
    public required HintKindName Kind { get; init; }

    /// <summary>cartValue: the value missing in the cart currency; units: the units missing.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Missing { get; init; }

    /// <summary>cartValue: the cart currency.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Currency { get; init; }

    /// <summary>Products whose units (or value) count; absent with categories absent means any product that is not excluded.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Products { get; init; }

    /// <summary>Category paths whose products count (prefix match).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CategoryPathRequest>? Categories { get; init; }

    /// <summary>A bundle: the units missing per product.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<HintItemEntry>? Items { get; init; }

    /// <summary>schedule: when the offer opens (RFC 3339, UTC).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OpensAt { get; init; }

    /// <summary>The wire shape of an engine hint, money at the currency's minor unit.</summary>
    public static HintEntry? From(OfferHint? hint, int exponent) => hint is null ? null : hint.Kind switch
    {
        HintKind.CartValue => new HintEntry
        {
            Kind = HintKindName.CartValue,
            Missing = Money.Normalise(hint.MissingValue, exponent),
            Currency = hint.Currency,
            Products = hint.Products.Count > 0 ? hint.Products : null,
            Categories = Paths(hint.Categories),
        },
        HintKind.Units => new HintEntry
        {
            Kind = HintKindName.Units,
            Missing = hint.MissingUnits,
            Products = hint.Products.Count > 0 ? hint.Products : null,
            Categories = Paths(hint.Categories),
            Items = hint.Items.Count > 0 ? [.. hint.Items.Select(i => new HintItemEntry(i.ProductId, i.Missing))] : null,
        },
        _ => new HintEntry { Kind = HintKindName.Schedule, OpensAt = hint.OpensAt is { } at ? Common.Timestamps.Rfc3339(at) : null },
    };

    private static CategoryPathRequest[]? Paths(IReadOnlyList<IReadOnlyList<string>> paths) =>
        paths.Count > 0 ? [.. paths.Select(p => new CategoryPathRequest { Path = [.. p] })] : null;
}

/// <summary>The kinds of <see cref="HintEntry"/>; a next tier or a buy set would join as cartValue or units.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HintKindName>))]
public enum HintKindName
{
    [JsonStringEnumMemberName("cartValue")]
    CartValue,

    [JsonStringEnumMemberName("units")]
    Units,

    [JsonStringEnumMemberName("schedule")]
    Schedule,
}

/// <summary>Units of one bundle product missing for a complete set.</summary>
public sealed record HintItemEntry(string ProductId, int Missing);

/// <summary>Explain: the zone the cart's store-local times were read in; <c>fallback</c> true when the store has none and UTC was used.</summary>
public sealed record StoreTimeEntry(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StoreId,
    string TimeZone,
    bool Fallback);
