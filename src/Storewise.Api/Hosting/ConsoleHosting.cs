using Storewise.Api.Auth;
using Storewise.Api.ConsoleAccounts;
using Storewise.Api.SalesOrderConfig;
using Storewise.BackOffice;
using Storewise.BackOffice.Accounts;

namespace Storewise.Api.Hosting;

/// <summary>
/// The merchandiser console in this process (docs/decisions/1101-merchandiser-console.md): served under
/// <c>/console</c> when <c>Console:Enabled</c> is true; the API is the same without it.
/// </summary>
public static partial class ConsoleHosting
{
    public static bool IsEnabled(IConfiguration configuration) => ConsoleServices.Options(configuration).Enabled;

    public static void AddConsoleHosting(this WebApplicationBuilder builder)
    {
        var authority = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>()?.Authority;
        var local = string.IsNullOrWhiteSpace(authority);
        var host = new ConsoleHostServices(
            provider => new ConsoleAccountStore(provider.GetRequiredService<Storage.Database>()),
            local ? provider => new ConsoleTokens(provider.GetRequiredService<TokenIssuer>()) : null,
            SalesOrderConfigKeys.All);
        if (IsEnabled(builder.Configuration) && !BuildTimeDocument.IsGenerating)
        {
            builder.Services.AddStorewiseConsole(builder.Configuration, host, local ? null : authority);
        }
        else
        {
            builder.Services.AddConsoleAccounts(builder.Configuration, host);
        }
    }

    public static void MapConsole(this WebApplication app)
    {
        if (IsEnabled(app.Configuration) && !BuildTimeDocument.IsGenerating)
        {
            app.MapStorewiseConsole();
        }
    }

    public static void UseConsole(this WebApplication app)
    {
        if (IsEnabled(app.Configuration) && !BuildTimeDocument.IsGenerating)
        {
            app.UseStorewiseConsole();
        }
    }

    /// <summary>
    /// A start without any local account logs a one-time link to create the first editor (local accounts only: with
    /// an OpenID Connect authority there is no token issuer and no local sign-in).
    /// </summary>
    public static async Task PrintSetupLinkAsync(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration) || BuildTimeDocument.IsGenerating || app.Services.GetService<BackOffice.Api.IApiTokenIssuer>() is null)
        {
            return;
        }

        try
        {
            if (!await app.Services.GetRequiredService<IConsoleAccountStore>().AnyAsync(CancellationToken.None))
            {
                var path = "/console/setup?token=" + Uri.EscapeDataString(app.Services.GetRequiredService<SetupLinks>().NewToken());
                var lifetime = app.Services.GetRequiredService<ConsoleOptions>().SetupLinkLifetime;
                // The server's address is known once it listens.
                app.Lifetime.ApplicationStarted.Register(() =>
                {
                    var address = app.Urls.FirstOrDefault() ?? "";
                    LogSetupLink(app.Logger, address.TrimEnd('/') + path, lifetime);
                });
            }
        }
        catch (Exception ex) when (Errors.ErrorHandling.Classify(ex).Status == StatusCodes.Status503ServiceUnavailable)
        {
            // The database is not there yet; the next start prints the link.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No console account yet. Create the first one at {SetupLink} (valid {Lifetime}), or run: admin set-password --tenant T --user U")]
    private static partial void LogSetupLink(ILogger logger, string setupLink, TimeSpan lifetime);
}
