using Storewise.Api.Storage;

namespace Storewise.Api.Tests.Infrastructure;

/// <summary>
/// Fixtures whose in-process server runs no import worker, for tests where only separately started server
/// processes may take imports (so killing one of them is what the test observes).
/// </summary>
public sealed class WorkerlessSqliteFixture : ApiFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Imports:WorkerEnabled"] = "false" };

    protected override Task<string> CreateDatabaseAsync() =>
        Task.FromResult($"Data Source={Path.Combine(DataDirectory, "storewise.db")}");

    protected override Task DropDatabaseAsync() => Task.CompletedTask;
}

public sealed class WorkerlessPostgresFixture : ApiFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Imports:WorkerEnabled"] = "false" };

    protected override Task<string> CreateDatabaseAsync() => PostgresServer.CreateDatabaseAsync();

    protected override Task DropDatabaseAsync() => PostgresServer.DropDatabaseAsync(ConnectionString);
}
