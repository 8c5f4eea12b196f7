using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Storewise.Api.Auth;
using Storewise.Api.Carts;
using Storewise.Api.CartLog;
using Storewise.Api.Codes;
using Storewise.Api.Common;
using Storewise.Api.TppeIntegration;
using Storewise.Api.Idempotency;
using Storewise.Api.Imports;
using Storewise.Api.Offers;
using Storewise.Api.Redemptions;
using Storewise.Api.Reservations;
using Storewise.Api.SalesOrderConfig;
using Storewise.Api.Simulations;
using Storewise.Api.Secrets;
using Storewise.Api.Storage;
using Storewise.Api.Telemetry;
using Storewise.Api.Webhooks;

namespace Storewise.Api.Hosting;

/// <summary>Registers everything the service needs; each feature adds its own services here.</summary>
public static class ServiceRegistration
{
    public static void AddStorewise(this WebApplicationBuilder builder)
    {
        BuildTimeDocument.Configure(builder.Configuration);
        var services = builder.Services;
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var limits = builder.Configuration.GetSection(LimitsOptions.Section).Get<LimitsOptions>() ?? new LimitsOptions();
        services.AddSingleton(storage);
        services.AddSingleton(limits);
        services.AddSingleton(_ => CreateDatabase(builder.Configuration, storage));
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<StorageReadiness>();
        services.AddHostedService<MigrationRetry>();
        services.AddHostedService<CatalogueChangeListener>();
        services.AddHostedService<ReplicaMonitor>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ObjectIds>();
        services.AddSingleton(builder.Configuration.GetSection(OffersOptions.Section).Get<OffersOptions>() ?? new OffersOptions());
        services.AddSingleton<OfferHandlers>();
        services.AddSingleton<OfferHistoryHandlers>();
        services.AddSingleton<PromotionSetLoader>();
        services.AddSingleton<PromotionSetCache>();
        services.AddSingleton<CartPricing>();
        services.AddSingleton(builder.Configuration.GetSection(CartLogOptions.Section).Get<CartLogOptions>() ?? new CartLogOptions());
        services.AddSingleton<CartLogQueue>();
        services.AddSingleton<CartLogWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<CartLogWriter>());
        var simulations = builder.Configuration.GetSection(SimulationOptions.Section).Get<SimulationOptions>() ?? new SimulationOptions();
        services.AddSingleton(simulations);
        services.AddSingleton<SimulationRunner>();
        if (simulations.WorkerEnabled)
        {
            services.AddHostedService<SimulationWorker>();
        }
        services.AddSecretProtection();
        services.AddSingleton<IntegrationConfigStore>();
        services.AddSingleton<SalesOrderConfigStore>();
        services.AddSingleton<OrderIdCounter>();

        services.ConfigureHttpJsonOptions(options => ConfigureJson(options.SerializerOptions));
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = Math.Max(limits.MaxBodyBytes, limits.MaxImportBytes + 64 * 1024));

        services.AddCodesImportsAndRedemptions(builder.Configuration);
        services.AddWebhooks(builder.Configuration);
        builder.AddStorewiseTelemetry();

        services.AddOpenApi(options => options.AddStorewiseConventions());
        builder.AddStorewiseAuth();
        builder.AddConsoleHosting();
        builder.AddTenantRateLimiting();
        if (BuildTimeDocument.IsGenerating)
        {
            services.RemoveAll<IHostedService>();
        }
    }

    private static void AddCodesImportsAndRedemptions(this IServiceCollection services, IConfiguration configuration)
    {
        var imports = configuration.GetSection(ImportOptions.Section).Get<ImportOptions>() ?? new ImportOptions();
        services.AddSingleton(imports);
        services.AddSingleton<ListWarming>();
        services.AddSingleton<CodeStore>();
        services.AddSingleton<ImportStore>();
        services.AddSingleton<ImportStaging>();
        services.AddSingleton<ImportQueue>();
        services.AddSingleton<ImportBatches>();
        services.AddSingleton<ImportSignal>();
        if (imports.WorkerEnabled)
        {
            services.AddHostedService<ImportWorker>();
        }

        services.AddSingleton<RedemptionStore>();
        services.AddSingleton<IdempotencyKeys>();
        services.AddSingleton<ReservationStore>();
        services.AddSingleton<ReservationSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<ReservationSweeper>());
    }

    /// <summary>Strict JSON: numbers must be numbers, names are camelCase, unknown members are ignored (docs/spec.md §D3).</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.PropertyNameCaseInsensitive = false;
        options.MaxDepth = 64;
        options.AllowDuplicateProperties = false;
    }

    public static Database CreateDatabase(IConfiguration configuration, StorageOptions storage)
    {
        var provider = storage.Provider.Trim().ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException($"Storage:Provider '{storage.Provider}' is not supported (use sqlite or postgres)."),
        };
        var connectionString = configuration.GetConnectionString("Storewise");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException("ConnectionStrings:Storewise is required with Storage:Provider=postgres.");
            }

            connectionString = $"Data Source={Path.Combine(storage.DataDirectory, "storewise.db")}";
        }

        var readOnly = configuration.GetConnectionString("StorewiseReadOnly");
        if (!string.IsNullOrWhiteSpace(readOnly) && provider != DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("ConnectionStrings:StorewiseReadOnly needs Storage:Provider=postgres (a streaming replica).");
        }

        return new Database(provider, connectionString, readOnly);
    }
}
