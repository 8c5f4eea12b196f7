using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Storewise.BackOffice.Tests.Browser;

/// <summary>
/// A real Storewise server (the built service, in a process of its own) on a fresh SQLite database, with the console
/// enabled. Its output is kept (the setup link is in it).
/// </summary>
public sealed class ConsoleServer : IAsyncDisposable
{
    public const string SigningKey = "storewise-console-tests-signing-key-0123456789";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ConsoleServer(Process process, Uri address, string dataDirectory, TimeSpan sessionIdleTimeout)
    {
        SessionIdleTimeout = sessionIdleTimeout;
        _process = process;
        Address = address;
        DataDirectory = dataDirectory;
    }

    public Uri Address { get; }

    public TimeSpan SessionIdleTimeout { get; }

    public string DataDirectory { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts a server; a short <paramref name="sessionIdleTimeout"/> lets a test watch a session expire.</summary>
    public static async Task<ConsoleServer> StartAsync(TimeSpan? sessionIdleTimeout = null)
    {
        var data = Path.Combine(Path.GetTempPath(), "storewise-console-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(data);
        var port = FreePort();
        var idle = sessionIdleTimeout ?? TimeSpan.FromMinutes(30);
        var info = StartInfo($"--urls http://127.0.0.1:{port}", data);
        info.Environment["Console__SessionIdleTimeout"] = idle.ToString();
        var process = new Process { StartInfo = info };
        var server = new ConsoleServer(process, new Uri($"http://127.0.0.1:{port}"), data, idle);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilReadyAsync();
        return server;
    }

    /// <summary>Runs <c>admin set-password</c> against this server's database, the password on standard input.</summary>
    public async Task SetPasswordAsync(string tenant, string user, string password, bool readOnly)
    {
        var info = StartInfo($"admin set-password --tenant {tenant} --user {user}{(readOnly ? " --read-only" : "")}", DataDirectory);
        info.RedirectStandardInput = true;
        using var command = Process.Start(info)!;
        await command.StandardInput.WriteLineAsync(password);
        command.StandardInput.Close();
        var output = await command.StandardOutput.ReadToEndAsync() + await command.StandardError.ReadToEndAsync();
        await command.WaitForExitAsync();
        if (command.ExitCode != 0)
        {
            throw new InvalidOperationException($"admin set-password failed ({command.ExitCode}): {output}");
        }
    }

    /// <summary>The path and query of the one-time setup link the first start logged.</summary>
    public async Task<string> SetupLinkAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            var at = Output.IndexOf("/console/setup?token=", StringComparison.Ordinal);
            if (at >= 0)
            {
                var end = Output.IndexOfAny([' ', '\n', '\r'], at);
                return Output[at..end];
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("no setup link in the server's output:\n" + Output);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static ProcessStartInfo StartInfo(string arguments, string dataDirectory)
    {
        var dll = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo("dotnet", $"\"{dll}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.Environment["Storage__Provider"] = "sqlite";
        info.Environment["Storage__DataDirectory"] = dataDirectory;
        info.Environment["ConnectionStrings__Storewise"] = "";
        info.Environment["Auth__SigningKey"] = SigningKey;
        info.Environment["Auth__Authority"] = "";
        info.Environment["Webhooks__WorkerEnabled"] = "false";
        info.Environment["Console__Enabled"] = "true";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        return info;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"server exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("server not ready within 90 s:\n" + Output);
    }
}
