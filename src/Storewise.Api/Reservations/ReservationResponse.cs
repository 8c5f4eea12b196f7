using Storewise.Api.Carts;

namespace Storewise.Api.Reservations;

/// <summary>A reservation as the API returns it: its state, and the cart exactly as it was priced and held.</summary>
public sealed record ReservationResponse
{
    public required string Id { get; init; }

    public required string OrderId { get; init; }

    /// <summary><c>reserved</c>, <c>confirmed</c>, <c>released</c> or <c>expired</c>.</summary>
    public required string Status { get; init; }

    /// <summary>When an unconfirmed reservation is released (RFC 3339, UTC).</summary>
    public required string ExpiresAt { get; init; }

    /// <summary>The discounted cart; every discount in it is held.</summary>
    public required DiscountedCartResponse Cart { get; init; }
}
