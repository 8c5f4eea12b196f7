using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Storewise.Api.Storage;

namespace Storewise.Api.Secrets;

/// <summary>
/// Encryption at rest for stored secrets (TPPE auth token, webhook API key) with ASP.NET Core Data
/// Protection, its key ring in the database (docs/decisions/0302-secret-encryption-and-shared-key-ring.md).
/// </summary>
public static class SecretProtection
{
    /// <summary>Fixed, so instances with different content roots still share payloads.</summary>
    public const string ApplicationName = "Storewise";

    private const long LockKey = 0x53774b6579; // "SwKey"

    public static void AddSecretProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<DatabaseXmlRepository>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = provider.GetRequiredService<DatabaseXmlRepository>()));
    }

    /// <summary>
    /// Makes sure an active key exists before the instance serves anything. Instances starting together
    /// take a lock first, so they agree on one first key instead of each creating (and caching) its own.
    /// Later keys are made by Data Protection ahead of their activation date, so every instance has
    /// loaded them before they are used.
    /// </summary>
    public static async Task EnsureKeyAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var database = services.GetRequiredService<Database>();
        var keys = services.GetRequiredService<IKeyManager>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (await database.Dialect.LockAsync(connection, LockKey, cancellationToken))
        {
            var active = keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now);
            if (!active)
            {
                keys.CreateNewKey(now, now.AddDays(90));
            }
        }
    }
}
