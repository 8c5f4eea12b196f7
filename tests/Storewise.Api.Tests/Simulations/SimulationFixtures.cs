using Storewise.Api.Storage;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Simulations;

/// <summary>
/// Fixtures without a simulation worker and with batches of two carts, so a test runs jobs itself, batch by
/// batch, and can stop one in the middle as a crashed instance would.
/// </summary>
public sealed class SimulationSqliteFixture : ApiFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => SimulationSettings.Values;

    protected override Task<string> CreateDatabaseAsync() =>
        Task.FromResult($"Data Source={Path.Combine(DataDirectory, "storewise.db")}");

    protected override Task DropDatabaseAsync() => Task.CompletedTask;
}

public sealed class SimulationPostgresFixture : ApiFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => SimulationSettings.Values;

    protected override Task<string> CreateDatabaseAsync() => PostgresServer.CreateDatabaseAsync();

    protected override Task DropDatabaseAsync() => PostgresServer.DropDatabaseAsync(ConnectionString);
}

internal static class SimulationSettings
{
    public static readonly IReadOnlyDictionary<string, string?> Values = new Dictionary<string, string?>
    {
        ["Simulations:WorkerEnabled"] = "false",
        ["Simulations:BatchSize"] = "2",
        ["Simulations:LeaseSeconds"] = "30",
        ["Simulations:MaxAttempts"] = "3",
    };
}
