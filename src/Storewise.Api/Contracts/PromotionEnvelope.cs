using Storewise.Api.Codes;

namespace Storewise.Api.Contracts;

/// <summary>One promotion with its links: the answer of create, read and replace, and each item of the list.</summary>
public sealed record PromotionEnvelope
{
    /// <summary>The promotion.</summary>
    public required PromotionResource Promotion { get; init; }

    /// <summary>Its links.</summary>
    public required SelfLink Links { get; init; }
}
