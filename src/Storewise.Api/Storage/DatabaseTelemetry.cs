using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Storewise.Api.Storage;

/// <summary>The database driver's OpenTelemetry instrumentation; a provider difference, so it lives in Storage/.</summary>
public static class DatabaseTelemetry
{
    public static MeterProviderBuilder AddDatabaseInstrumentation(this MeterProviderBuilder metrics) => metrics.AddNpgsqlInstrumentation();

    public static TracerProviderBuilder AddDatabaseInstrumentation(this TracerProviderBuilder tracing) => tracing.AddNpgsql();
}
