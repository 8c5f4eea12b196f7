namespace Storewise.Api.Hosting;

/// <summary>
/// The service's content root is the folder of its own files, so <c>appsettings.json</c> is found whatever the
/// working directory (ASP.NET Core's default is the working directory). A content root the user sets
/// (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c> or <c>DOTNET_CONTENTROOT</c>) wins. Relative data paths
/// stay relative to the working directory: docs/decisions/0406-content-root-and-data-directory.md.
/// </summary>
public static class ContentRoot
{
    public static WebApplicationOptions Options(string[] args)
    {
        var chosen = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build()[HostDefaults.ContentRootKey];
        return new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = string.IsNullOrEmpty(chosen) ? AppContext.BaseDirectory : null,
        };
    }
}
