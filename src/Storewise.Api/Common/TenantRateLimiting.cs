using System.Globalization;
using System.Threading.RateLimiting;
using Storewise.Api.Auth;
using Storewise.Api.Errors;

namespace Storewise.Api.Common;

public static class TenantRateLimiting
{
    public static void AddTenantRateLimiting(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var tenant = context.User.FindFirst(RequestUser.TenantClaim)?.Value;
                if (!options.Enabled || tenant is null)
                {
                    // Unauthenticated requests are answered 401 before doing any work; health checks are free.
                    return RateLimitPartition.GetNoLimiter("");
                }

                return RateLimitPartition.GetTokenBucketLimiter(tenant, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, options.Burst),
                    TokensPerPeriod = Math.Max(1, options.PermitsPerSecond),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await ErrorResults.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "too many requests for this tenant; retry later", "rate_limited");
            };
        });
    }
}
