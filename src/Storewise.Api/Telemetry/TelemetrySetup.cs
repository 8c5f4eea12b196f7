using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Storewise.Api.Storage;

namespace Storewise.Api.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics: ASP.NET Core, HttpClient and database driver instrumentation plus the service's own meter;
/// exported over OTLP when an endpoint is configured and scraped at <c>/metrics</c> when that is turned on.
/// </summary>
public static class TelemetrySetup
{
    public static void AddStorewiseTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = options.OtlpEndpoint ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<StorewiseMetrics>();
        // Every log scope carries the trace and span id of the activity it was written in.
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(StorewiseMetrics.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddDatabaseInstrumentation();
                if (options.PrometheusEnabled)
                {
                    metrics.AddPrometheusExporter();
                }

                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    metrics.AddOtlpExporter(exporter => exporter.Endpoint = new Uri(otlp));
                }
            });
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            // Traces are only collected when there is somewhere to send them.
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddDatabaseInstrumentation()
                .AddOtlpExporter(exporter => exporter.Endpoint = new Uri(otlp)));
        }
    }

    public static void MapStorewiseMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<TelemetryOptions>();
        if (options.PrometheusEnabled)
        {
            app.MapPrometheusScrapingEndpoint(options.PrometheusPath).AllowAnonymous().ExcludeFromDescription();
        }
    }
}
