using System.Text.Json.Nodes;

namespace Storewise.Api.SalesOrderConfig;

/// <summary>The six configuration keys of docs/spec.md §1.4 and what a key that was never set reads as (docs/spec.md §D10).</summary>
public static class SalesOrderConfigKeys
{
    public const string ExternalOms = "external_oms";
    public const string OrderIdSequence = "sales_order_generator_sequence";
    public const string OnHoldTimerDuration = "on_hold_timer_duration";
    public const string CancellationAllowedFrom = "cancellation_allowed_from";
    public const string BigSalesOrder = "big_sales_order";
    public const string ExternalOrderWebhook = "external_order_webhook";

    public static readonly IReadOnlyList<string> All =
        [ExternalOms, OrderIdSequence, OnHoldTimerDuration, CancellationAllowedFrom, BigSalesOrder, ExternalOrderWebhook];

    public static bool IsKnown(string key) => All.Contains(key, StringComparer.Ordinal);

    /// <summary>
    /// The value a never-set key reads as, or false when the key has no default (then GET is 404).
    /// <paramref name="value"/> may be null: the webhook reads as <c>{"value":null,"updated_at":null}</c>.
    /// </summary>
    public static bool TryGetDefault(string key, out JsonNode? value)
    {
        value = key switch
        {
            ExternalOms => new JsonObject { ["enabled"] = false },
            CancellationAllowedFrom => new JsonArray("store"),
            BigSalesOrder => new JsonObject { ["soft_limit_for_big_orders"] = 100 },
            _ => null,
        };
        return value is not null || key == ExternalOrderWebhook;
    }
}
