namespace Storewise.Api.Tests.Infrastructure;

/// <summary>
/// Issue 20: the tests' own PostgreSQL cluster leaves nothing behind. Stopping it removes server and folder; a
/// later run removes the folders of test hosts that died (their owner lock is free), and no other folder.
/// </summary>
public sealed class ThrowawayClusterTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("storewise-cluster-tests-").FullName;

    [Fact]
    public void A_stopped_cluster_leaves_no_server_and_no_folder()
    {
        var bin = ThrowawayCluster.FindBinaries();
        if (bin is null && Environment.GetEnvironmentVariable(PostgresServer.EnvironmentVariable) is { Length: > 0 })
        {
            return; // a machine that names its own server never starts a cluster
        }

        Assert.True(bin is not null, "no PostgreSQL binaries: install the postgresql-15 package or set " + PostgresServer.EnvironmentVariable);
        var cluster = ThrowawayCluster.Start(bin);
        var postmaster = int.Parse(File.ReadLines(Path.Combine(cluster.Folder, "data", "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(IsRunning(postmaster));

        cluster.Dispose();

        Assert.False(Directory.Exists(cluster.Folder));
        Assert.False(IsRunning(postmaster));
    }

    [Fact]
    public void A_folder_whose_owner_is_gone_is_removed()
    {
        var folder = Folder("abandoned", withOwnerFile: true);

        var removed = ThrowawayCluster.RemoveAbandoned(_root);

        Assert.Equal([folder], removed);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void A_folder_whose_owner_holds_the_lock_is_kept()
    {
        var folder = Folder("alive", withOwnerFile: true);
        using var held = new FileStream(Path.Combine(folder, ThrowawayCluster.OwnerFile), FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        var removed = ThrowawayCluster.RemoveAbandoned(_root);

        Assert.Empty(removed);
        Assert.True(Directory.Exists(folder));
    }

    [Fact]
    public void A_folder_without_an_owner_file_is_kept()
    {
        var folder = Folder("unknown", withOwnerFile: false);

        Assert.Empty(ThrowawayCluster.RemoveAbandoned(_root));
        Assert.True(Directory.Exists(folder));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Folder(string name, bool withOwnerFile)
    {
        var folder = Path.Combine(_root, ThrowawayCluster.FolderPrefix + name);
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        if (withOwnerFile)
        {
            File.WriteAllText(Path.Combine(folder, ThrowawayCluster.OwnerFile), "999999\n");
        }

        return folder;
    }

    // A zombie (a dead child nobody has reaped yet) counts as stopped.
    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
