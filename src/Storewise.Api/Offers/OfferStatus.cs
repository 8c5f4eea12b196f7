namespace Storewise.Api.Offers;

/// <summary>The derived <c>status</c> of an offer at a given instant (docs/spec.md §2.4, OMM columns).</summary>
public static class OfferStatus
{
    public const string Disabled = "Disabled";
    public const string Planned = "Planned";
    public const string Running = "Running";
    public const string Past = "Past";

    public static string Of(OfferDocument offer, DateTimeOffset now) =>
        !offer.Active ? Disabled
        : now < offer.ValidFrom.Instant ? Planned
        : offer.ValidTo is not null && now > offer.ValidTo.Instant ? Past
        : Running;
}
