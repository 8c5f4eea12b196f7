namespace Storewise.Api.Webhooks;

/// <summary>The states of a delivery: pending (due or waiting for a retry), then delivered or failed.</summary>
public static class DeliveryStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}
