namespace Storewise.Api.Events;

/// <summary>
/// Every event type the service emits (docs/events.md). A feature adding an event adds its name here and one
/// <c>.WithEvent(...)</c> on the outcome of its write; subscribers filter on these names.
/// </summary>
public static class EventTypes
{
    public const string PromotionCreated = "promotion.created";
    public const string PromotionUpdated = "promotion.updated";
    public const string CouponCreated = "coupon.created";
    public const string CouponUpdated = "coupon.updated";
    public const string CodeCreated = "code.created";
    public const string CodeUpdated = "code.updated";
    public const string ImportCompleted = "import.completed";
    public const string ImportFailed = "import.failed";
    public const string RedemptionCreated = "redemption.created";
    public const string RedemptionRolledBack = "redemption.rolled_back";
    public const string ReservationCreated = "reservation.created";
    public const string ReservationConfirmed = "reservation.confirmed";
    public const string ReservationReleased = "reservation.released";
    public const string ReservationExpired = "reservation.expired";
    public const string BudgetExhausted = "budget.exhausted";
    public const string ConfigurationChanged = "configuration.changed";
    public const string WebhookEndpointDisabled = "webhook_endpoint.disabled";
    public const string SimulationFinished = "simulation.finished";
    public const string SimulationFailed = "simulation.failed";
    public const string SimulationCancelled = "simulation.cancelled";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        PromotionCreated, PromotionUpdated, CouponCreated, CouponUpdated, CodeCreated, CodeUpdated, ImportCompleted, ImportFailed,
        RedemptionCreated, RedemptionRolledBack, ReservationCreated, ReservationConfirmed, ReservationReleased, ReservationExpired,
        BudgetExhausted, ConfigurationChanged, WebhookEndpointDisabled,
        SimulationFinished, SimulationFailed, SimulationCancelled,
    };

    /// <summary>The types also sent to the tenant's TPPE session update URL (docs/tppe-notifications.md).</summary>
    public static readonly IReadOnlySet<string> Tppe = new HashSet<string>(StringComparer.Ordinal)
    {
        RedemptionCreated, RedemptionRolledBack, ReservationCreated, ReservationConfirmed, ReservationReleased, ReservationExpired,
    };
}
