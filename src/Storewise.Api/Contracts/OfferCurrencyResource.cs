namespace Storewise.Api.Contracts;

/// <summary>A currency of an offer.</summary>
public sealed record OfferCurrencyResource
{
    /// <summary>ISO 4217 code, e.g. <c>EUR</c>.</summary>
    public required string Code { get; init; }

    /// <summary>The catalog total a cart must reach in this currency; null for none.</summary>
    public required decimal? MinimumCartValue { get; init; }
}
