using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Storewise.BackOffice.SignIn;

namespace Storewise.BackOffice.Api;

/// <summary>
/// The bearer token of the signed-in user: for a local account a short-lived token signed with the service's key,
/// carrying the account's tenant, user and scopes; for OpenID Connect the provider's access token.
/// </summary>
public sealed class ApiBearer(IServiceProvider services)
{
    private static readonly TimeSpan LocalTokenLifetime = TimeSpan.FromMinutes(5);

    public async Task<string?> ForAsync(HttpContext context)
    {
        var user = ConsoleUser.From(context.User);
        if (user is null)
        {
            return null;
        }

        if (user.IsLocal)
        {
            var issuer = services.GetService(typeof(IApiTokenIssuer)) as IApiTokenIssuer;
            return issuer?.Issue(user.Tenant, user.Name, user.Scope, LocalTokenLifetime);
        }

        return await context.GetTokenAsync(ConsoleSchemes.Cookie, "access_token");
    }
}
