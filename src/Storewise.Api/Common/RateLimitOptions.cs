namespace Storewise.Api.Common;

/// <summary>Per-tenant request rate limit (section <c>RateLimit</c>); over it the answer is 429 with Retry-After.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimit";

    public bool Enabled { get; set; } = true;

    /// <summary>Sustained requests per second for one tenant on one instance.</summary>
    public int PermitsPerSecond { get; set; } = 2_000;

    /// <summary>Requests a tenant may send at once above the sustained rate.</summary>
    public int Burst { get; set; } = 4_000;
}
