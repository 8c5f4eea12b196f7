namespace Storewise.Api.Contracts;

/// <summary>A customer segment: the offer applies to customers whose attribute <c>key</c> equals <c>value</c>.</summary>
public sealed record OfferSegmentResource
{
    /// <summary>The customer attribute compared.</summary>
    public required string Key { get; init; }

    /// <summary>The value it must have.</summary>
    public required string Value { get; init; }

    /// <summary>The segment schema version.</summary>
    public required int Schema { get; init; }
}
