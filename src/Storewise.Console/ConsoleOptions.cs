namespace Storewise.BackOffice;

/// <summary>Settings of the merchandiser console (section <c>Console</c>): docs/decisions/1101-merchandiser-console.md.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>Serves the console under <c>/console</c>; the API works the same without it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where the console calls the API; the server's own first address when unset.</summary>
    public string? ApiBaseAddress { get; set; }

    /// <summary>The tenant the sign-in form proposes, and the tenant of the account made through the setup link.</summary>
    public string DefaultTenant { get; set; } = "dodici";

    /// <summary>Idle time after which a session ends (sliding: each request within it renews the session).</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Sign-in attempts allowed per user and client address in <see cref="SignInWindow"/>.</summary>
    public int SignInAttempts { get; set; } = 5;

    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the one-time setup link printed at first start stays valid.</summary>
    public TimeSpan SetupLinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Rows per list page (the API takes 1 to 150).</summary>
    public int PageSize { get; set; } = 25;

    /// <summary>With <c>Auth:Authority</c> set: the console's client registration at that provider.</summary>
    public OpenIdConnectClientOptions OpenIdConnect { get; set; } = new();
}

/// <summary>The console's client at the OpenID Connect provider (authorization code with PKCE).</summary>
public sealed class OpenIdConnectClientOptions
{
    public string ClientId { get; set; } = "storewise-console";

    /// <summary>Optional: a public client with PKCE needs none.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Scopes requested besides <c>openid</c>: the API scopes the access token must carry.</summary>
    public string Scopes { get; set; } = "profile promotions:read promotions:write config:read config:write";
}
