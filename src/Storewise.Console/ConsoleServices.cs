using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Storewise.BackOffice.Accounts;
using Storewise.BackOffice.Api;
using Storewise.BackOffice.Forms;
using Storewise.BackOffice.SignIn;

namespace Storewise.BackOffice;

/// <summary>Registers the console: Razor components rendered on the server, its cookie session and its API client.</summary>
public static class ConsoleServices
{
    public static ConsoleOptions Options(IConfiguration configuration) =>
        configuration.GetSection(ConsoleOptions.Section).Get<ConsoleOptions>() ?? new ConsoleOptions();

    /// <summary>What <c>admin set-password</c> needs, whether or not the console is served.</summary>
    public static void AddConsoleAccounts(this IServiceCollection services, IConfiguration configuration, ConsoleHostServices host)
    {
        services.AddSingleton(Options(configuration));
        services.AddSingleton(host);
        services.AddSingleton(host.Accounts);
        services.AddSingleton<LocalAccounts>();
        services.AddSingleton<SetupLinks>();
    }

    /// <summary>The console's services; <paramref name="authority"/> is <c>Auth:Authority</c>, or null for local accounts.</summary>
    public static void AddStorewiseConsole(this IServiceCollection services, IConfiguration configuration, ConsoleHostServices host, string? authority)
    {
        var options = Options(configuration);
        services.AddConsoleAccounts(configuration, host);
        if (host.Tokens is not null)
        {
            services.AddSingleton(host.Tokens);
        }

        services.AddSingleton<SignInThrottle>();
        services.AddSingleton(_ => ApiContract.Embedded());
        services.AddSingleton<ApiAddress>();
        services.AddSingleton<ApiBearer>();
        services.AddScoped<ConsoleApi>();
        services.AddHttpContextAccessor();
        services.AddHttpClient(ConsoleApi.ClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddRazorComponents();
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = ConsoleSchemes.CookieName + ".antiforgery";
            antiforgery.Cookie.Path = ConsoleSchemes.PathBase;
        });

        var usesOpenIdConnect = !string.IsNullOrWhiteSpace(authority);
        // Not the default scheme: API routes authenticate bearer tokens only.
        var authentication = services.AddAuthentication().AddCookie(ConsoleSchemes.Cookie, cookie =>
        {
            cookie.Cookie.Name = ConsoleSchemes.CookieName;
            cookie.Cookie.Path = ConsoleSchemes.PathBase;
            cookie.Cookie.HttpOnly = true;
            // Strict unless a provider redirects back to us: its callback is a cross-site navigation.
            cookie.Cookie.SameSite = usesOpenIdConnect ? SameSiteMode.Lax : SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = options.SessionIdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = ConsoleSchemes.PathBase + "/sign-in";
            cookie.LogoutPath = ConsoleSchemes.PathBase + "/sign-out";
            cookie.AccessDeniedPath = ConsoleSchemes.PathBase + "/denied";
            cookie.ReturnUrlParameter = "returnUrl";
        });
        if (usesOpenIdConnect)
        {
            authentication.AddOpenIdConnect(ConsoleSchemes.OpenIdConnect, oidc => OpenIdConnectSignIn.Configure(oidc, authority!, options.OpenIdConnect));
        }

        services.AddAuthorizationBuilder().AddPolicy(ConsoleSchemes.Policy, policy => policy
            .AddAuthenticationSchemes(ConsoleSchemes.Cookie)
            .RequireAuthenticatedUser()
            .RequireClaim(ConsoleUser.TenantClaim));
    }

    /// <summary>Anti-forgery for the console's forms only; API routes take no cookies and need none.</summary>
    public static void UseStorewiseConsole(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(ConsoleSchemes.PathBase), console => console.UseAntiforgery());
}
