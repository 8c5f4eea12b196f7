using System.Diagnostics.Metrics;

namespace Storewise.Api.Carts;

/// <summary>What the cart path reports: how many carts needed the database (docs/decisions/0510-catalogue-change-notifications.md).</summary>
public sealed class CartMetrics
{
    public const string MeterName = "Storewise.Cart";

    public CartMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        DatabaseReads = meter.CreateCounter<long>(
            "storewise.cart.database_reads",
            unit: "{cart}",
            description: "Carts that read the database: carts with codes, and carts whose catalogue version was not known fresh.");
    }

    public Counter<long> DatabaseReads { get; }
}
