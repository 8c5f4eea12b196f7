using System.Diagnostics;
using System.Globalization;

namespace Storewise.Api.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of the test run's own, in a <c>storewise-pg-*</c> folder under the temp directory, for
/// machines without <c>STOREWISE_TEST_POSTGRES</c>. It is stopped and its folder deleted however the run ends:
/// at the end of the run (<see cref="Dispose"/>), by a watchdog that notices the test host has died (Ctrl+C, a
/// killed host), and otherwise by the next run (<see cref="RemoveAbandoned"/>), which finds the folder's owner
/// lock no longer held.
/// </summary>
public sealed class ThrowawayCluster : IDisposable
{
    public const string FolderPrefix = "storewise-pg-";

    /// <summary>Held open (and so locked) by the test host for the cluster's life; it holds the host's process id.</summary>
    public const string OwnerFile = "owner.lock";

    // Stops the postmaster of folder $1 (only if /proc shows it is the one started on that folder, so a reused
    // pid is never hit), waits for it to go, then deletes the folder. The one stop procedure for every ending.
    private const string StopScript =
        """
        d="$1"
        pid=$(head -n 1 "$d/data/postmaster.pid" 2>/dev/null)
        if [ -n "$pid" ] && grep -qF -- "$d/data" "/proc/$pid/cmdline" 2>/dev/null; then
          kill -QUIT "$pid" 2>/dev/null
          i=0
          while [ "$i" -lt 100 ] && [ -e "/proc/$pid" ] && ! grep -q ') Z' "/proc/$pid/stat" 2>/dev/null; do
            sleep 0.1
            i=$((i + 1))
          done
          [ -e "/proc/$pid" ] && kill -KILL "$pid" 2>/dev/null
        fi
        rm -rf "$d"
        """;

    // Detached (so killing the host's process tree spares it) and deaf to Ctrl+C, it waits for the end of its
    // stdin, a pipe whose other end only the test host holds: the host's death, however it comes, closes it.
    private const string WatchdogScript =
        "exec 3<&0\n( trap '' INT TERM HUP QUIT\n  cat <&3 >/dev/null\n" + StopScript + "\n) </dev/null >/dev/null 2>&1 &\n";

    private readonly FileStream _ownerLock;
    private readonly Process? _watchdog;

    private ThrowawayCluster(string folder, FileStream ownerLock, Process? watchdog, int port)
    {
        Folder = folder;
        _ownerLock = ownerLock;
        _watchdog = watchdog;
        Port = port;
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    public int Port { get; }

    public string Folder { get; }

    public string AdminConnectionString { get; }

    /// <summary>The PostgreSQL binaries of this machine (<c>/usr/lib/postgresql/N/bin</c>), if installed.</summary>
    public static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;

    public static ThrowawayCluster Start(string bin) =>
        Create(bin, (asRoot, folder) =>
            RunAsPostgres(asRoot, Path.Combine(bin, "initdb"), ["-D", $"{folder}/data", "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"]));

    /// <summary>
    /// A streaming replica of <paramref name="primary"/>: a base backup taken with <c>pg_basebackup -R</c> (which
    /// writes the standby signal and the primary's address), started on a port of its own.
    /// </summary>
    public static ThrowawayCluster StartReplica(string bin, ThrowawayCluster primary) =>
        Create(bin, (asRoot, folder) =>
            RunAsPostgres(asRoot, Path.Combine(bin, "pg_basebackup"),
                ["-h", "127.0.0.1", "-p", primary.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-D", $"{folder}/data", "-R", "-X", "stream", "--no-sync"]));

    private static ThrowawayCluster Create(string bin, Action<bool, string> makeData)
    {
        var folder = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var ownerLock = new FileStream(Path.Combine(folder, OwnerFile), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        ownerLock.Write(System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n"));
        ownerLock.Flush();
        var port = PostgresServer.FreePort();
        var cluster = new ThrowawayCluster(folder, ownerLock, StartWatchdog(folder), port);
        try
        {
            var asRoot = Environment.UserName == "root";
            if (asRoot)
            {
                Run("chown", ["postgres", folder]);
            }

            makeData(asRoot, folder);
            RunAsPostgres(asRoot, Path.Combine(bin, "pg_ctl"),
            [
                "-D", $"{folder}/data", "-l", $"{folder}/log", "-w",
                "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300", "start",
            ]);
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Stops and deletes every cluster folder under <paramref name="tempRoot"/> (the temp directory by default)
    /// whose owner lock nobody holds: its test host is gone. Folders without an owner file are left alone (they
    /// may be a cluster being created this instant).
    /// </summary>
    public static IReadOnlyList<string> RemoveAbandoned(string? tempRoot = null)
    {
        var root = tempRoot ?? Path.GetTempPath();
        var removed = new List<string>();
        foreach (var folder in Directory.GetDirectories(root, FolderPrefix + "*"))
        {
            var ownerFile = Path.Combine(folder, OwnerFile);
            if (!File.Exists(ownerFile))
            {
                continue;
            }

            try
            {
                // Taking the lock proves the owner is dead, and keeps a concurrent run from removing it too.
                using var taken = new FileStream(ownerFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                Stop(folder);
                removed.Add(folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Held by a live test host, or not ours to remove.
            }
        }

        return removed;
    }

    /// <summary>Stops the server and deletes the folder; the watchdog is then told to stand down.</summary>
    public void Dispose()
    {
        try
        {
            Stop(Folder);
        }
        catch (InvalidOperationException)
        {
            // The watchdog, or failing that the next run, finishes the job.
        }

        _ownerLock.Dispose();
        if (_watchdog is not null)
        {
            _watchdog.StandardInput.Close();
            _watchdog.Dispose();
        }
    }

    private static void Stop(string folder) => Run("sh", ["-c", StopScript, "sh", folder]);

    private static Process? StartWatchdog(string folder)
    {
        var info = new ProcessStartInfo("sh") { RedirectStandardInput = true };
        foreach (var argument in new[] { "-c", WatchdogScript, "sh", folder })
        {
            info.ArgumentList.Add(argument);
        }

        var watchdog = Process.Start(info);
        watchdog?.WaitForExit(); // the launching shell ends at once; its detached child keeps the pipe
        return watchdog;
    }

    private static void RunAsPostgres(bool asRoot, string program, IReadOnlyList<string> arguments)
    {
        if (asRoot)
        {
            Run("runuser", ["-u", "postgres", "--", program, .. arguments]);
        }
        else
        {
            Run(program, arguments);
        }
    }

    private static void Run(string program, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}{output.Result}");
        }
    }
}
