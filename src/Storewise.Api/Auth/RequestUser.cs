using System.Security.Claims;

namespace Storewise.Api.Auth;

/// <summary>The caller as the token names it: its tenant and its user id.</summary>
public sealed record RequestUser(string Tenant, string UserId)
{
    public const string TenantClaim = "tenant";
    public const string SubjectClaim = "sub";
    public const string ScopeClaim = "scope";

    /// <summary>Reads the caller from an authenticated request; the auth filter guarantees the tenant claim.</summary>
    public static RequestUser From(HttpContext context) => From(context.User);

    /// <summary>Lets handlers take a <see cref="RequestUser"/> parameter.</summary>
    public static ValueTask<RequestUser?> BindAsync(HttpContext context) => ValueTask.FromResult<RequestUser?>(From(context));

    public static RequestUser From(ClaimsPrincipal principal)
    {
        var tenant = principal.FindFirstValue(TenantClaim)
            ?? throw new InvalidOperationException("authenticated principal without tenant");
        return new RequestUser(tenant, principal.FindFirstValue(SubjectClaim) ?? "");
    }

    public static bool HasScope(ClaimsPrincipal principal, string scope)
    {
        foreach (var claim in principal.FindAll(ScopeClaim))
        {
            foreach (var part in claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (string.Equals(part, scope, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
