namespace Storewise.Api.Webhooks;

/// <summary>
/// When a failed delivery is tried again: exponential backoff from <see cref="WebhookOptions.FirstRetryDelaySeconds"/>,
/// doubling per attempt up to <see cref="WebhookOptions.MaxRetryDelaySeconds"/>, with jitter (a random half of the
/// delay) so endpoints coming back are not hit by every retry at once.
/// </summary>
public static class RetrySchedule
{
    public static TimeSpan DelayAfter(long attempts, WebhookOptions options)
    {
        var exponent = Math.Min(Math.Max(attempts - 1, 0), 30);
        var delay = Math.Min(options.MaxRetryDelaySeconds, options.FirstRetryDelaySeconds * Math.Pow(2, exponent));
        return TimeSpan.FromSeconds(delay / 2 + Random.Shared.NextDouble() * delay / 2);
    }
}
