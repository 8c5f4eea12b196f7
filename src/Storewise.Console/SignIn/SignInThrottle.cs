using System.Threading.RateLimiting;

namespace Storewise.BackOffice.SignIn;

/// <summary>
/// Sign-in attempts per user and client address, with ASP.NET Core's rate limiting primitives: a fixed window of
/// <see cref="ConsoleOptions.SignInAttempts"/> attempts, so guessing passwords is slow whoever is guessed at.
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

    /// <summary>False when this user from this address has used up the attempts of the current window.</summary>
    public bool TryAttempt(string tenant, string userName, string? clientAddress)
    {
        using var lease = _limiter.AttemptAcquire($"{tenant}\n{userName.Trim().ToLowerInvariant()}\n{clientAddress}");
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
