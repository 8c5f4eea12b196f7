using Storewise.Api.Auth;
using Storewise.Api.Storage;

namespace Storewise.Api.Hosting;

/// <summary>
/// One-shot commands: <c>token --tenant T [--user U] [--scope S] [--days N]</c> prints a signed token;
/// <c>migrate</c> applies pending migrations and exits.
/// </summary>
public static class Commands
{
    public static async Task<bool> TryRunAsync(WebApplicationBuilder builder, string[] args)
    {
        if (args.Length == 0)
        {
            return false;
        }

        switch (args[0])
        {
            case "token":
                PrintToken(builder, args);
                return true;
            case "migrate":
                await using (var app = builder.Build())
                {
                    var applied = await app.Services.GetRequiredService<MigrationRunner>().MigrateAsync();
                    Console.WriteLine($"{applied} migration(s) applied.");
                }

                return true;
            default:
                return false;
        }
    }

    private static void PrintToken(WebApplicationBuilder builder, string[] args)
    {
        string? Option(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        var tenant = Option("--tenant");
        if (string.IsNullOrWhiteSpace(tenant))
        {
            Console.Error.WriteLine("usage: token --tenant T [--user U] [--scope \"promotions:read promotions:write config:read config:write\"] [--days N]");
            Environment.ExitCode = 2;
            return;
        }

        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var key = SigningKeys.Resolve(options, storage.DataDirectory, out _);
        var issuer = new TokenIssuer(key, options, TimeProvider.System);
        var days = int.TryParse(Option("--days"), out var d) && d > 0 ? d : (int?)null;
        Console.WriteLine(issuer.Issue(
            tenant,
            Option("--user") ?? "admin",
            Option("--scope") ?? string.Join(' ', Scopes.All),
            days is null ? null : TimeSpan.FromDays(days.Value)));
    }
}
