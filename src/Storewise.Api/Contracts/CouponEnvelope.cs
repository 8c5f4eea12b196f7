using Storewise.Api.Codes;

namespace Storewise.Api.Contracts;

/// <summary>One coupon with its links: the answer of create, read and replace, and each item of the list.</summary>
public sealed record CouponEnvelope
{
    /// <summary>The coupon.</summary>
    public required CouponResource Coupon { get; init; }

    /// <summary>Its links.</summary>
    public required SelfLink Links { get; init; }
}
