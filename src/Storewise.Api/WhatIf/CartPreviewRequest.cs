using Storewise.Api.Offers;

namespace Storewise.Api.WhatIf;

/// <summary>
/// The <c>preview</c> of a cart request and the change of a simulation (docs/decisions/0702-previews.md): stored
/// offers to force on or leave out, and inline promotions that are validated like a create and never stored.
/// </summary>
public sealed record CartPreviewRequest
{
    /// <summary>Ids of stored promotions or coupons to treat as active and running, whatever their flags and window.</summary>
    public IReadOnlyList<string?>? Include { get; init; }

    /// <summary>Ids of stored promotions or coupons to leave out.</summary>
    public IReadOnlyList<string?>? Exclude { get; init; }

    /// <summary>
    /// Promotions as a create would take them; one whose <c>id</c> is a stored promotion's stands in for it.
    /// </summary>
    public IReadOnlyList<OfferRequest?>? Offers { get; init; }
}
