using Storewise.Api.Auth;
using Storewise.Api.Common;
using Storewise.Api.Errors;
using Storewise.Api.Secrets;
using Storewise.Api.Storage;

namespace Storewise.Api.Hosting;

/// <summary>The middleware order of the service, in one place.</summary>
public static class Pipeline
{
    public static async Task PrepareStorageAsync(this WebApplication app)
    {
        var storage = app.Services.GetRequiredService<StorageOptions>();
        if (storage.MigrateOnStart)
        {
            await app.Services.GetRequiredService<MigrationRunner>().MigrateAsync();
        }

        await SecretProtection.EnsureKeyAsync(app.Services);

        if (app.Services.GetRequiredService<FirstStart>().GeneratedSigningKey)
        {
            var token = app.Services.GetRequiredService<TokenIssuer>().Issue("dodici", "admin", string.Join(' ', Scopes.All));
            app.Logger.LogWarning(
                "Generated a signing key in {Directory}. A full-access token for tenant dodici (valid 30 days): {Token}",
                storage.DataDirectory,
                token);
        }
    }

    public static void UseStorewisePipeline(this WebApplication app)
    {
        app.UseRequestIds();
        app.UseJsonErrors();
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "docs";
            ui.SwaggerEndpoint("/openapi/v1.json", "Storewise");
        });
        app.UseRouting();
        app.UseBodySizeLimit();
        app.UseAuthentication();
        app.UseTenantHeaderCheck();
        app.UseAuthorization();
    }
}
