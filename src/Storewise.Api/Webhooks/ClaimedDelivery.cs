namespace Storewise.Api.Webhooks;

/// <summary>A delivery this worker holds the lease of, with what sending it needs (the endpoint's or the TPPE target).</summary>
public sealed class ClaimedDelivery
{
    public long Seq { get; init; }

    public string Tenant { get; init; } = "";

    public string EndpointId { get; init; } = "";

    public string EventId { get; init; } = "";

    public string SubjectId { get; init; } = "";

    public string Payload { get; init; } = "";

    public long OccurredAt { get; init; }

    public long WindowStart { get; init; }

    public long Attempts { get; init; }

    /// <summary>The endpoint's URL, or the TPPE session update URL template; null when the target is gone.</summary>
    public string? Url { get; init; }

    /// <summary>The endpoint's signing secret, or the TPPE auth token (both encrypted).</summary>
    public string? Secret { get; init; }
}

/// <summary>How one attempt went: delivered (a 2xx answer) or not, the status received and why it failed.</summary>
public sealed record AttemptResult(ClaimedDelivery Delivery, bool Delivered, int? StatusCode, string? Error);
