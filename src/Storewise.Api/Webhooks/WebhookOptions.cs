namespace Storewise.Api.Webhooks;

/// <summary>The <c>Webhooks</c> settings: outbound safety, the delivery worker and the retry schedule (docs/events.md).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Allows <c>http</c> endpoint URLs (otherwise only <c>https</c>).</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Allows endpoints in loopback, private and link-local ranges (tests and closed networks only).</summary>
    public bool AllowPrivateNetworks { get; set; }

    public bool WorkerEnabled { get; set; } = true;

    /// <summary>Time allowed for one attempt, from connecting to the end of the response headers.</summary>
    public double AttemptTimeoutSeconds { get; set; } = 10;

    /// <summary>At most this much of a response body is read; the rest is dropped.</summary>
    public int MaxResponseBytes { get; set; } = 16 * 1024;

    public int PollMilliseconds { get; set; } = 500;

    /// <summary>Deliveries claimed (and sent concurrently) at a time by one worker.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>Claim loops per instance, each with its own batch in flight (docs/decisions/0805-concurrent-delivery-loops.md).</summary>
    public int Workers { get; set; } = 4;

    public int LeaseSeconds { get; set; } = 60;

    /// <summary>The first retry waits about this long; each further one twice as long, up to <see cref="MaxRetryDelaySeconds"/>.</summary>
    public double FirstRetryDelaySeconds { get; set; } = 5;

    public double MaxRetryDelaySeconds { get; set; } = 3600;

    /// <summary>A delivery still failing this long after it was first due is marked failed.</summary>
    public double RetryForSeconds { get; set; } = 24 * 3600;

    /// <summary>An endpoint whose deliveries have failed for this long without one success is disabled.</summary>
    public double DisableAfterSeconds { get; set; } = 24 * 3600;
}
