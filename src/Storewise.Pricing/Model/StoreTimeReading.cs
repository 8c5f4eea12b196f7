namespace Storewise.Pricing;

/// <summary>
/// The zone a cart's store-local times were read in: the store's zone from the registry, or <c>UTC</c> with
/// <see cref="Fallback"/> when the cart has no store or its store has no zone.
/// </summary>
public sealed record StoreTimeReading(string? StoreId, string TimeZone, bool Fallback)
{
    internal static StoreTimeReading Of(in EvaluationContext context) =>
        context.StoreZone is { } zone
            ? new StoreTimeReading(context.Cart.StoreId, zone.Id, Fallback: false)
            : new StoreTimeReading(context.Cart.StoreId, "UTC", Fallback: true);
}
