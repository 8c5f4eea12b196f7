using System.Text.Json.Serialization;

namespace Storewise.Api.SalesOrderConfig;

/// <summary>The answer of POST /v0/sales_order/order_id.</summary>
public sealed record OrderIdResponse([property: JsonPropertyName("order_id")] string OrderId);
