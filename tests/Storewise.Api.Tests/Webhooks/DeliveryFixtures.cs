using Storewise.Api.Storage;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Webhooks;

/// <summary>
/// Settings of a service that delivers to a local receiver quickly: the worker on, http and loopback allowed, short
/// polls and retries, and the Prometheus endpoint on.
/// </summary>
public static class DeliverySettings
{
    public static IReadOnlyDictionary<string, string?> Fast => new Dictionary<string, string?>
    {
        ["Webhooks:WorkerEnabled"] = "true",
        ["Webhooks:AllowHttp"] = "true",
        ["Webhooks:AllowPrivateNetworks"] = "true",
        ["Webhooks:PollMilliseconds"] = "50",
        ["Webhooks:FirstRetryDelaySeconds"] = "0.2",
        ["Webhooks:MaxRetryDelaySeconds"] = "1",
        ["Webhooks:AttemptTimeoutSeconds"] = "5",
        ["Webhooks:LeaseSeconds"] = "10",
        ["Telemetry:PrometheusEnabled"] = "true",
    };
}

public sealed class SqliteDeliveryFixture : ApiFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => DeliverySettings.Fast;

    protected override Task<string> CreateDatabaseAsync() =>
        Task.FromResult($"Data Source={Path.Combine(DataDirectory, "storewise.db")}");

    protected override Task DropDatabaseAsync() => Task.CompletedTask;
}

public sealed class PostgresDeliveryFixture : ApiFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => DeliverySettings.Fast;

    protected override Task<string> CreateDatabaseAsync() => PostgresServer.CreateDatabaseAsync();

    protected override Task DropDatabaseAsync() => PostgresServer.DropDatabaseAsync(ConnectionString);
}
