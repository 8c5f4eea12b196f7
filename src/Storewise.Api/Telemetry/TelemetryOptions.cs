namespace Storewise.Api.Telemetry;

/// <summary>
/// The <c>Telemetry</c> settings. OTLP export is on when <see cref="OtlpEndpoint"/> is set (or the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable); the Prometheus scrape endpoint only when <see cref="PrometheusEnabled"/> is.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    public string? OtlpEndpoint { get; set; }

    public bool PrometheusEnabled { get; set; }

    /// <summary>The scrape path; anonymous, so expose it only where the scraper can reach it.</summary>
    public string PrometheusPath { get; set; } = "/metrics";

    public string ServiceName { get; set; } = "storewise";
}
