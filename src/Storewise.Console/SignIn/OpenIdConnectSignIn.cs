using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Storewise.BackOffice.SignIn;

/// <summary>
/// With <c>Auth:Authority</c> set, the console signs users in at that provider (authorization code with PKCE) and
/// calls the API with the provider's access token. The token's tenant and scopes go into the session, so the pages
/// show what the API will allow; the API still checks the token itself on every call.
/// </summary>
public static class OpenIdConnectSignIn
{
    public static void Configure(OpenIdConnectOptions oidc, string authority, OpenIdConnectClientOptions client)
    {
        oidc.Authority = authority;
        oidc.ClientId = client.ClientId;
        oidc.ClientSecret = client.ClientSecret;
        oidc.ResponseType = "code";
        oidc.UsePkce = true;
        oidc.SaveTokens = true;
        oidc.MapInboundClaims = false;
        oidc.SignInScheme = ConsoleSchemes.Cookie;
        oidc.CallbackPath = ConsoleSchemes.PathBase + "/signin-oidc";
        oidc.SignedOutCallbackPath = ConsoleSchemes.PathBase + "/signout-callback-oidc";
        oidc.RequireHttpsMetadata = authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        oidc.Scope.Clear();
        oidc.Scope.Add("openid");
        foreach (var scope in client.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            oidc.Scope.Add(scope);
        }

        oidc.Events = new OpenIdConnectEvents
        {
            OnTokenValidated = context =>
            {
                var access = context.TokenEndpointResponse?.AccessToken;
                var identity = context.Principal?.Identity as ClaimsIdentity;
                if (access is null || identity is null)
                {
                    context.Fail("the provider sent no access token");
                    return Task.CompletedTask;
                }

                // Read only, not validated: the API validates the token on every call.
                var token = new JsonWebTokenHandler().ReadJsonWebToken(access);
                var tenant = token.Claims.FirstOrDefault(c => c.Type == ConsoleUser.TenantClaim)?.Value;
                if (string.IsNullOrEmpty(tenant))
                {
                    context.Fail("the access token has no tenant claim");
                    return Task.CompletedTask;
                }

                identity.AddClaim(new Claim(ConsoleUser.TenantClaim, tenant));
                foreach (var scope in token.Claims.Where(c => c.Type == ConsoleUser.ScopeClaim))
                {
                    identity.AddClaim(new Claim(ConsoleUser.ScopeClaim, scope.Value));
                }

                return Task.CompletedTask;
            },
        };
    }
}
