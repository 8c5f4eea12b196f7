using System.Threading.RateLimiting;

namespace Storewise.BackOffice.SignIn;

/// <summary>
/// Failed sign-in attempts per user and client address, with ASP.NET Core's rate limiting primitives: a fixed window
/// of <see cref="ConsoleOptions.SignInAttempts"/> failures, so guessing passwords is slow whoever is guessed at, while
/// a user who signs in successfully many times is never held up.
/// </summary>
public sealed class SignInThrottle(ConsoleOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.SignInAttempts,
            Window = options.SignInWindow,
            QueueLimit = 0,
        }));

    /// <summary>False when this user from this address has used up the failures of the current window.</summary>
    public bool MayAttempt(string tenant, string userName, string? clientAddress) =>
        _limiter.GetStatistics(Key(tenant, userName, clientAddress))?.CurrentAvailablePermits is not 0;

    /// <summary>Counts a failed attempt against this user from this address.</summary>
    public void Failed(string tenant, string userName, string? clientAddress)
    {
        using var lease = _limiter.AttemptAcquire(Key(tenant, userName, clientAddress));
    }

    private static string Key(string tenant, string userName, string? clientAddress) =>
        $"{tenant}\n{userName.Trim().ToLowerInvariant()}\n{clientAddress}";

    public void Dispose() => _limiter.Dispose();
}
