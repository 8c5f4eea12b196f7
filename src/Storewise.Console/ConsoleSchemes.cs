namespace Storewise.BackOffice;

/// <summary>
/// The console's authentication schemes and policy. They are never the default scheme: API routes keep
/// authenticating bearer tokens only, so the console's cookie never authenticates an API call.
/// </summary>
public static class ConsoleSchemes
{
    public const string Cookie = "StorewiseConsole";
    public const string OpenIdConnect = "StorewiseConsoleOidc";
    public const string Policy = "storewise-console";
    public const string CookieName = "storewise.console";
    public const string PathBase = "/console";
}
