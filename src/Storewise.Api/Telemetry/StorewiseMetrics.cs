using System.Diagnostics;
using System.Diagnostics.Metrics;
using Storewise.Api.Events;
using Storewise.Api.Webhooks;

namespace Storewise.Api.Telemetry;

/// <summary>
/// The service's own instruments, on the <see cref="MeterName"/> meter (docs/operations.md, telemetry). The cart
/// instruments take no tags, so recording them on the hot path allocates nothing.
/// </summary>
public sealed class StorewiseMetrics
{
    public const string MeterName = "Storewise";

    private readonly Counter<long> _cartsPriced;
    private readonly Counter<long> _cartDatabaseReads;
    private readonly Histogram<double> _engineTime;
    private readonly Histogram<long> _offersConsidered;
    private readonly Counter<long> _redemptions;
    private readonly Counter<long> _importRows;
    private readonly Histogram<double> _outboxLag;
    private readonly Counter<long> _deliveries;
    private readonly Gauge<double> _replicaLag;
    private readonly Gauge<long> _replicaLagBytes;

    public StorewiseMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _cartsPriced = meter.CreateCounter<long>("storewise.carts.priced", "{cart}", "Carts priced");
        _cartDatabaseReads = meter.CreateCounter<long>(
            "storewise.cart.database_reads",
            "{cart}",
            "Carts that read the database: carts with codes, and carts whose catalogue version was not known fresh (docs/decisions/0510-catalogue-change-notifications.md).");
        _engineTime = meter.CreateHistogram<double>(
            "storewise.cart.engine.duration", "s", "Time the engine took to price one cart",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05] });
        _offersConsidered = meter.CreateHistogram<long>(
            "storewise.cart.offers", "{offer}", "Offers in the compiled set a cart was priced against",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [0, 1, 10, 100, 1000, 10000] });
        _redemptions = meter.CreateCounter<long>("storewise.redemptions", "{redemption}", "Redemption requests that redeemed, and orders rolled back (outcome)");
        _importRows = meter.CreateCounter<long>("storewise.import.rows", "{row}", "Code import rows settled");
        _outboxLag = meter.CreateHistogram<double>(
            "storewise.outbox.lag", "s", "Time from an event's commit to its successful delivery",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 60, 600, 3600] });
        _deliveries = meter.CreateCounter<long>("storewise.webhook.deliveries", "{attempt}", "Delivery attempts by target (webhook, tppe) and outcome");
        _replicaLag = meter.CreateGauge<double>("storewise.replica.lag", "s", "How far the read replica is behind the primary (-1 while it is down)");
        _replicaLagBytes = meter.CreateGauge<long>("storewise.replica.lag_bytes", "By", "WAL the read replica has not replayed yet (-1 while it is down)");
    }

    public void CartPriced(TimeSpan engineTime, int offers)
    {
        _cartsPriced.Add(1);
        _engineTime.Record(engineTime.TotalSeconds);
        _offersConsidered.Record(offers);
    }

    /// <summary>A cart read the database for its catalogue version or its codes' state.</summary>
    public void CartReadDatabase() => _cartDatabaseReads.Add(1);

    /// <summary>One redemption request that redeemed its codes, or one order rolled back.</summary>
    public void Redeemed(string outcome) => _redemptions.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void ImportRowsSettled(long rows) => _importRows.Add(rows);

    /// <summary>The read replica was checked (docs/decisions/0513-read-replicas.md).</summary>
    public void ReplicaChecked(bool available, double seconds, long bytes)
    {
        _replicaLag.Record(available ? seconds : -1);
        _replicaLagBytes.Record(available ? bytes : -1);
    }

    public void WebhookDelivered(AttemptResult result, long lagMs)
    {
        var target = result.Delivery.EndpointId == Outbox.TppeTarget ? "tppe" : "webhook";
        var outcome = result.Delivered ? "delivered" : result.StatusCode is null ? "error" : "rejected";
        _deliveries.Add(1, new TagList { { "target", target }, { "outcome", outcome } });
        if (result.Delivered)
        {
            _outboxLag.Record(lagMs / 1000.0);
        }
    }
}
