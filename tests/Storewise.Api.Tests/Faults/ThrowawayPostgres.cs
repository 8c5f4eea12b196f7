using System.Diagnostics;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Faults;

/// <summary>
/// A PostgreSQL cluster of one test's own, made from the local PostgreSQL binaries, that the test stops and
/// starts to take the database away from a running service. Runs as the postgres user when the tests run as root.
/// </summary>
public sealed class ThrowawayPostgres : IDisposable
{
    private readonly string _bin;
    private readonly string _dir;
    private readonly int _port;
    private readonly bool _asRoot = Environment.UserName == "root";

    private ThrowawayPostgres(string bin, string dir, int port)
    {
        _bin = bin;
        _dir = dir;
        _port = port;
    }

    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Timeout=3;Command Timeout=10";

    /// <summary>Initialises a stopped cluster, or null when no PostgreSQL binaries are installed.</summary>
    public static ThrowawayPostgres? TryCreate()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;
        if (bin is null)
        {
            return null;
        }

        var dir = Path.Combine(Path.GetTempPath(), "storewise-fault-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var cluster = new ThrowawayPostgres(bin, dir, PostgresServer.FreePort());
        if (cluster._asRoot)
        {
            Run("chown", $"postgres {dir}");
        }

        cluster.RunTool("initdb", $"-D {dir}/data -U postgres -A trust --no-sync -E UTF8");
        return cluster;
    }

    public void Start() =>
        RunTool("pg_ctl", $"-D {_dir}/data -l {_dir}/log -w -o \"-p {_port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync=off\" start");

    /// <summary>Stops the server at once, as a crash or a lost network would: open connections are cut.</summary>
    public void Stop() => RunTool("pg_ctl", $"-D {_dir}/data -m immediate -w stop");

    public void Dispose()
    {
        try
        {
            Stop();
        }
        catch (InvalidOperationException)
        {
        }

        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void RunTool(string tool, string arguments)
    {
        var program = Path.Combine(_bin, tool);
        if (_asRoot)
        {
            Run("runuser", $"-u postgres -- {program} {arguments}");
        }
        else
        {
            Run(program, arguments);
        }
    }

    private static void Run(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}): {error}{output.Result}");
        }
    }
}
