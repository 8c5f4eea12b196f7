using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Storewise.Api.Errors;
using Storewise.Api.Storage;

namespace Storewise.Api.Auth;

/// <summary>JWT bearer validation, one policy per scope, and the tenant-header check of docs/spec.md §D2.</summary>
public static class AuthSetup
{
    public static void AddStorewiseAuth(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.AddSingleton(options);

        SymmetricSecurityKey? key = null;
        var generated = false;
        if (string.IsNullOrWhiteSpace(options.Authority))
        {
            key = SigningKeys.Resolve(options, storage.DataDirectory, out generated);
            builder.Services.AddSingleton(key);
            builder.Services.AddSingleton<TokenIssuer>();
        }

        builder.Services.AddSingleton(new FirstStart(generated));

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenHandlers.Clear();
                jwt.TokenHandlers.Add(new ValidatedTokenCache(new JsonWebTokenHandler { MapInboundClaims = false }, TimeProvider.System));
                jwt.Authority = options.Authority;
                jwt.RequireHttpsMetadata = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidIssuer = string.IsNullOrWhiteSpace(options.Authority) ? options.Issuer : null,
                    ValidateAudience = true,
                    ValidAudience = options.Audience,
                    ValidateLifetime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ValidAlgorithms = key is null ? null : [SecurityAlgorithms.HmacSha256],
                    IssuerSigningKey = key,
                    NameClaimType = RequestUser.SubjectClaim,
                };
                jwt.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        if (string.IsNullOrWhiteSpace(context.Principal?.FindFirst(RequestUser.TenantClaim)?.Value))
                        {
                            context.Fail("token has no tenant claim");
                        }

                        return Task.CompletedTask;
                    },
                };
            });

        builder.Services.AddAuthorization(authorization =>
        {
            foreach (var scope in Scopes.All)
            {
                authorization.AddPolicy(scope, policy => policy
                    .RequireAuthenticatedUser()
                    .RequireAssertion(context => RequestUser.HasScope(context.User, scope)));
            }

            // Every route needs a valid token unless it says otherwise (health, docs).
            authorization.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .Build();
        });
    }

    /// <summary>
    /// A <c>tenant</c> header that differs from the token's tenant is 403 (docs/spec.md §D2). Runs after
    /// authentication and before the handlers.
    /// </summary>
    public static IApplicationBuilder UseTenantHeaderCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true
                && context.Request.Headers.TryGetValue("tenant", out var header)
                && !string.IsNullOrEmpty(header)
                && !string.Equals(header.ToString(), context.User.FindFirst(RequestUser.TenantClaim)?.Value, StringComparison.Ordinal))
            {
                await ErrorResults.WriteAsync(context, StatusCodes.Status403Forbidden, "tenant header does not match the token", "tenant_mismatch");
                return;
            }

            await next();
        });
}
