using System.Diagnostics;
using System.Globalization;

/// <summary>
/// CPU time used so far by the server, the database (a postmaster and its backends, children of it) and this client,
/// from /proc (utime + stime, in clock ticks of 1/100 s); zero for what has no pid or where /proc is missing.
/// </summary>
internal readonly record struct CpuUse(TimeSpan Server, TimeSpan Database, TimeSpan Client)
{
    private const double TicksPerSecond = 100;

    public static CpuUse Read(int? serverPid, int? databasePid) => new(
        serverPid is { } server ? Ticks(server) : TimeSpan.Zero,
        databasePid is { } database ? TreeTicks(database) : TimeSpan.Zero,
        Process.GetCurrentProcess().TotalProcessorTime);

    public static CpuUse operator -(CpuUse after, CpuUse before) =>
        new(after.Server - before.Server, after.Database - before.Database, after.Client - before.Client);

    // Backends that ended in between are lost; the server's pool keeps its connections, so that is rare.
    private static TimeSpan TreeTicks(int root)
    {
        var total = Ticks(root);
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(entry), CultureInfo.InvariantCulture, out var pid) && Stat(pid) is { } fields
                && int.Parse(fields[1], CultureInfo.InvariantCulture) == root)
            {
                total += Ticks(pid);
            }
        }

        return total;
    }

    private static TimeSpan Ticks(int pid) =>
        Stat(pid) is { } fields
            ? TimeSpan.FromSeconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond)
            : TimeSpan.Zero;

    // The fields after the command name (which may hold spaces): state, ppid, ..., utime (index 11), stime (12).
    private static string[]? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
