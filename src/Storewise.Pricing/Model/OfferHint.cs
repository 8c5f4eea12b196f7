namespace Storewise.Pricing;

/// <summary>
/// Why an offer that failed only on one threshold nearly applies, and exactly what is missing: adding
/// <see cref="MissingValue"/> of qualifying value, or <see cref="MissingUnits"/> qualifying units at today's prices,
/// or waiting until <see cref="OpensAt"/>, makes it apply (docs/pricing-semantics.md, "Near-miss hints").
/// </summary>
public sealed record OfferHint
{
    public required HintKind Kind { get; init; }

    /// <summary><see cref="HintKind.CartValue"/>: value missing, at the currency's minor unit, rounded up.</summary>
    public decimal MissingValue { get; init; }

    /// <summary><see cref="HintKind.CartValue"/>: the cart currency.</summary>
    public string? Currency { get; init; }

    /// <summary><see cref="HintKind.Units"/>: units missing.</summary>
    public int MissingUnits { get; init; }

    /// <summary><see cref="HintKind.Units"/>: products whose units count; with no products and no categories, any product that is not excluded.</summary>
    public IReadOnlyList<string> Products { get; init; } = [];

    /// <summary><see cref="HintKind.Units"/>: category paths whose products count (prefix match, docs/pricing-rules.md A13).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Categories { get; init; } = [];

    /// <summary><see cref="HintKind.Units"/> of a bundle: the units missing per product.</summary>
    public IReadOnlyList<BundleShortfall> Items { get; init; } = [];

    /// <summary><see cref="HintKind.Schedule"/>: the first instant the offer is open.</summary>
    public DateTimeOffset? OpensAt { get; init; }
}
