using Storewise.Api.Auth;
using Storewise.Api.Common;
using Storewise.Api.Errors;
using Storewise.Api.Storage;

namespace Storewise.Api.Hosting;

/// <summary>The middleware order of the service, in one place.</summary>
public static partial class Pipeline
{
    public static async Task PrepareStorageAsync(this WebApplication app)
    {
        if (BuildTimeDocument.IsGenerating)
        {
            return;
        }

        var storage = app.Services.GetRequiredService<StorageOptions>();
        try
        {
            await MigrationRetry.PrepareAsync(app.Services, CancellationToken.None);
        }
        catch (Exception ex) when (ErrorHandling.Classify(ex).Status == StatusCodes.Status503ServiceUnavailable)
        {
            // Start anyway: requests get 503 and MigrationRetry finishes the job once the database answers.
            LogDatabaseUnavailable(app.Logger, ex.Message);
        }

        if (app.Services.GetRequiredService<FirstStart>().GeneratedSigningKey)
        {
            var token = app.Services.GetRequiredService<TokenIssuer>().Issue("dodici", "admin", string.Join(' ', Scopes.All));
            LogFirstStart(app.Logger, storage.DataDirectory, token);
        }

        await app.PrintSetupLinkAsync();
    }

    /// <summary>Answers 503 for everything but health and docs until the schema is in place.</summary>
    private static void UseStorageReadiness(this WebApplication app)
    {
        var readiness = app.Services.GetRequiredService<StorageReadiness>();
        app.Use(async (context, next) =>
        {
            if (!readiness.IsReady && !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/docs"))
            {
                await ErrorResults.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "the database is unavailable; retry shortly", "database_unavailable");
                return;
            }

            await next();
        });
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
        app.UseStorageReadiness();
        app.UseRouting();
        app.UseBodySizeLimit();
        app.UseAuthentication();
        app.UseTenantHeaderCheck();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseContiguousRequestBodies();
        app.UseConsole();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Database unavailable at start ({Message}); retrying in the background")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated a signing key in {Directory}. A full-access token for tenant dodici (valid 30 days): {Token}")]
    private static partial void LogFirstStart(ILogger logger, string directory, string token);
}
