namespace Storewise.Api.Reservations;

/// <summary>What a reservation call came to: the reservation, or an error status with its code and message.</summary>
public sealed record ReservationOutcome(ReservationResponse? Reservation, int Status, string? Code = null, string? Message = null)
{
    public static ReservationOutcome Done(ReservationResponse reservation, int status) => new(reservation, status);

    public static ReservationOutcome Failed(int status, string code, string message) => new(null, status, code, message);
}
