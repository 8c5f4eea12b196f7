using Dapper;
using Npgsql;
using Storewise.Api.Storage;

namespace Storewise.Api.Tests.Infrastructure;

/// <summary>
/// The service on a PostgreSQL primary of its own with a real streaming replica made from it by
/// <c>pg_basebackup -R</c>, the replica set as <c>ConnectionStrings:StorewiseReadOnly</c>. Both clusters are
/// started from the local binaries: the shared server of <c>STOREWISE_TEST_POSTGRES</c> is not the tests' to
/// reconfigure for replication.
/// </summary>
public sealed class ReplicaApiFixture : ApiFixture
{
    private ThrowawayCluster? _primary;
    private ThrowawayCluster? _replica;

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public string ReplicaConnectionString { get; private set; } = "";

    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { ["ConnectionStrings:StorewiseReadOnly"] = ReplicaConnectionString };

    /// <summary>Stops replaying WAL on the replica: it keeps answering, with the data it had.</summary>
    public Task PauseReplayAsync() => OnReplicaAsync("SELECT pg_wal_replay_pause()");

    public Task ResumeReplayAsync() => OnReplicaAsync("SELECT pg_wal_replay_resume()");

    /// <summary>Waits until the replica has replayed everything the primary has written so far.</summary>
    public async Task WaitForReplicaAsync()
    {
        await using var primary = new NpgsqlConnection(ConnectionString);
        var position = await primary.ExecuteScalarAsync<string>("SELECT pg_current_wal_insert_lsn()::text");
        await using var replica = new NpgsqlConnection(ReplicaConnectionString);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await replica.ExecuteScalarAsync<bool>("SELECT pg_last_wal_replay_lsn() >= @position::pg_lsn", new { position }))
        {
            Assert.True(DateTime.UtcNow < deadline, "the replica did not catch up");
            await Task.Delay(20);
        }
    }

    /// <summary>Stops the replica for good (and deletes it).</summary>
    public void StopReplica() => Interlocked.Exchange(ref _replica, null)?.Dispose();

    protected override Task<string> CreateDatabaseAsync()
    {
        var bin = ThrowawayCluster.FindBinaries() ?? throw new InvalidOperationException("the replica tests need the PostgreSQL binaries (postgresql-15)");
        _primary = ThrowawayCluster.Start(bin);
        _replica = ThrowawayCluster.StartReplica(bin, _primary);
        ReplicaConnectionString = new NpgsqlConnectionStringBuilder(_replica.AdminConnectionString) { Pooling = true, MaxPoolSize = 50 }.ToString();
        return Task.FromResult(new NpgsqlConnectionStringBuilder(_primary.AdminConnectionString) { Pooling = true, MaxPoolSize = 50 }.ToString());
    }

    protected override Task DropDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        StopReplica();
        Interlocked.Exchange(ref _primary, null)?.Dispose();
        return Task.CompletedTask;
    }

    private async Task OnReplicaAsync(string sql)
    {
        await using var replica = new NpgsqlConnection(ReplicaConnectionString);
        await replica.ExecuteAsync(sql);
    }
}
