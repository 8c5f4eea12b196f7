using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Storewise.Api.Common;
using Storewise.Api.Storage;

namespace Storewise.Api.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics: ASP.NET Core, HttpClient and database driver instrumentation plus the service's own meter;
/// exported over OTLP when an endpoint is configured and scraped at <c>/metrics</c> when that is turned on.
/// </summary>
public static class TelemetrySetup
{
    // How long a request line may wait to be written; short enough to read as live when following the output.
    private static readonly TimeSpan RequestLineFlushInterval = TimeSpan.FromMilliseconds(50);

    // Opened once per process and shared by every host in it: each open is a descriptor of its own (a duplicate of
    // standard output or error), and a host does not close it when it stops, because lines logged while it stops must
    // still be written. One per host was two descriptors left open by every host a process started and stopped.
    private static readonly Lazy<Stream> StandardOutput = new(Console.OpenStandardOutput);
    private static readonly Lazy<Stream> StandardError = new(Console.OpenStandardError);

    public static void AddStorewiseTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = options.OtlpEndpoint ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<StorewiseMetrics>();
        // Every log scope carries the trace and span id of the activity it was written in.
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        builder.AddRequestLineLogging();

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

    /// <summary>
    /// The one line per request goes to standard output through <see cref="RequestLineLoggerProvider"/> (batched, no
    /// lock per line) instead of the console logger, when the console logger is there to replace.
    /// </summary>
    private static void AddRequestLineLogging(this WebApplicationBuilder builder)
    {
        if (!builder.Services.Any(service => service.ServiceType == typeof(ILoggerProvider) && service.ImplementationType == typeof(ConsoleLoggerProvider)))
        {
            return;
        }

        builder.Logging.AddFilter<ConsoleLoggerProvider>(RequestIds.Category, LogLevel.None);
        builder.Services.AddSingleton<ILoggerProvider>(provider => new RequestLineLoggerProvider(
            provider.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>(),
            provider.GetServices<ConsoleFormatter>(),
            StandardOutput.Value,
            StandardError.Value,
            RequestLineFlushInterval));
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
