using Storewise.Api.Carts;

namespace Storewise.Api.Reservations;

/// <summary>The body of <c>POST /v0/promotions/reservations</c>: the cart to price and hold, the order it is for, and how long to hold it.</summary>
public sealed record ReservationRequest
{
    /// <summary>The cart, exactly as <c>POST /v0/promotions/cart</c> takes it.</summary>
    public CartRequest? Cart { get; init; }

    /// <summary>The order the reservation is for; one live reservation per order.</summary>
    public string? OrderId { get; init; }

    /// <summary>Seconds until an unconfirmed reservation expires and is released: 1 to 86400, 900 when absent.</summary>
    public int? TtlSeconds { get; init; }
}
