using Storewise.Api.Auth;
using Storewise.Api.Storage;
using Storewise.BackOffice.Accounts;

namespace Storewise.Api.Hosting;

/// <summary>
/// One-shot commands: <c>token --tenant T [--user U] [--scope S] [--days N]</c> prints a signed token;
/// <c>migrate</c> applies pending migrations and exits; <c>admin set-password --tenant T --user U [--read-only]</c>
/// sets a console password read from standard input.
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
            case "admin" when args.Length > 1 && args[1] == "set-password":
                await SetPasswordAsync(builder, args);
                return true;
            default:
                return false;
        }
    }

    private static async Task SetPasswordAsync(WebApplicationBuilder builder, string[] args)
    {
        var tenant = Option(args, "--tenant");
        var user = Option(args, "--user");
        if (string.IsNullOrWhiteSpace(tenant) || string.IsNullOrWhiteSpace(user))
        {
            Console.Error.WriteLine("usage: admin set-password --tenant T --user U [--read-only]   (the password is read from standard input)");
            Environment.ExitCode = 2;
            return;
        }

        Console.Error.Write("Password: ");
        var password = ReadPassword();
        if (LocalAccounts.CheckPassword(password) is { } problem)
        {
            Console.Error.WriteLine($"The password {problem}.");
            Environment.ExitCode = 2;
            return;
        }

        await using var app = builder.Build();
        await app.Services.GetRequiredService<MigrationRunner>().MigrateAsync();
        var readOnly = args.Contains("--read-only", StringComparer.Ordinal);
        await app.Services.GetRequiredService<LocalAccounts>().SetPasswordAsync(tenant, user, password!, readOnly, CancellationToken.None);
        Console.WriteLine($"Password set for {LocalAccounts.Normalize(user)} of tenant {tenant.Trim()} ({(readOnly ? "read-only" : "editor")}).");
    }

    /// <summary>A line of standard input; typed at a terminal, it is not echoed.</summary>
    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine();
        }

        var password = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
            {
                password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return password.ToString();
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static void PrintToken(WebApplicationBuilder builder, string[] args)
    {
        var tenant = Option(args, "--tenant");
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
        var days = int.TryParse(Option(args, "--days"), out var d) && d > 0 ? d : (int?)null;
        Console.WriteLine(issuer.Issue(
            tenant,
            Option(args, "--user") ?? "admin",
            Option(args, "--scope") ?? string.Join(' ', Scopes.All),
            days is null ? null : TimeSpan.FromDays(days.Value)));
    }
}
