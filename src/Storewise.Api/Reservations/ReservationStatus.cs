namespace Storewise.Api.Reservations;

/// <summary>The states of a reservation (<c>reservations.status</c>); only <see cref="Reserved"/> moves on.</summary>
public static class ReservationStatus
{
    public const string Reserved = "reserved";
    public const string Confirmed = "confirmed";
    public const string Released = "released";
    public const string Expired = "expired";
}
