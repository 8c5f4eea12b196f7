using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Storewise.BackOffice.SignIn;

namespace Storewise.BackOffice.Tests.SignIn;

/// <summary>
/// The console's schemes: with <c>Auth:Authority</c> an OpenID Connect handler (code flow with PKCE, tokens kept for
/// the API calls) signs in into the console's cookie; the cookie is HttpOnly, SameSite and sliding; and neither is
/// ever the default scheme, which stays the API's bearer scheme. A real provider is not available here.
/// </summary>
public sealed class ConsoleAuthenticationTests
{
    [Fact]
    public async Task With_an_authority_the_console_signs_in_with_OpenID_Connect_code_flow_and_PKCE()
    {
        await using var services = Services("https://login.example.test/realms/shop");
        var schemes = services.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.NotNull(await schemes.GetSchemeAsync(ConsoleSchemes.OpenIdConnect));
        Assert.Equal("Bearer", (await schemes.GetDefaultAuthenticateSchemeAsync())?.Name);

        var oidc = services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(ConsoleSchemes.OpenIdConnect);
        Assert.Equal("https://login.example.test/realms/shop", oidc.Authority);
        Assert.Equal("code", oidc.ResponseType);
        Assert.True(oidc.UsePkce);
        Assert.True(oidc.SaveTokens);
        Assert.Equal(ConsoleSchemes.Cookie, oidc.SignInScheme);
        Assert.Equal("/console/signin-oidc", oidc.CallbackPath);
        Assert.Contains("openid", oidc.Scope);
        Assert.Contains("promotions:write", oidc.Scope);

        var cookie = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(ConsoleSchemes.Cookie);
        Assert.Equal(SameSiteMode.Lax, cookie.Cookie.SameSite);
    }

    [Fact]
    public async Task Without_an_authority_local_accounts_get_a_strict_HttpOnly_sliding_cookie_and_no_provider()
    {
        await using var services = Services(null);
        var schemes = services.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.Null(await schemes.GetSchemeAsync(ConsoleSchemes.OpenIdConnect));
        Assert.Equal("Bearer", (await schemes.GetDefaultAuthenticateSchemeAsync())?.Name);

        var cookie = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(ConsoleSchemes.Cookie);
        Assert.True(cookie.Cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Strict, cookie.Cookie.SameSite);
        Assert.True(cookie.SlidingExpiration);
        Assert.Equal("/console", cookie.Cookie.Path);
        Assert.Equal("/console/sign-in", cookie.LoginPath);
    }

    [Fact]
    public void Only_failed_sign_ins_count_against_the_throttle_and_per_user_and_address()
    {
        using var throttle = new SignInThrottle(new ConsoleOptions { SignInAttempts = 2, SignInWindow = TimeSpan.FromMinutes(5) });
        for (var i = 0; i < 5; i++)
        {
            Assert.True(throttle.MayAttempt("t", "Ann", "10.0.0.1"));
        }

        throttle.Failed("t", "ann", "10.0.0.1");
        throttle.Failed("t", "ANN", "10.0.0.1");
        Assert.False(throttle.MayAttempt("t", "ann", "10.0.0.1"));
        Assert.True(throttle.MayAttempt("t", "ann", "10.0.0.2"));
        Assert.True(throttle.MayAttempt("t", "bob", "10.0.0.1"));
    }

    private static ServiceProvider Services(string? authority)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddAuthentication("Bearer").AddJwtBearer();
        services.AddStorewiseConsole(
            new ConfigurationBuilder().Build(),
            new ConsoleHostServices(_ => throw new InvalidOperationException("no store in this test"), null, ["big_sales_order"]),
            authority);
        return services.BuildServiceProvider();
    }
}
