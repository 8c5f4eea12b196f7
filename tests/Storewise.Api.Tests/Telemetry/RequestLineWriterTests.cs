using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Storewise.Api.Common;
using Storewise.Api.Telemetry;

namespace Storewise.Api.Tests.Telemetry;

/// <summary>
/// The request line's own writer (docs/decisions/0529-request-line-writer.md): lines read as the console logger's
/// formatter writes them, each exactly once, in order per thread, and none is lost when the provider is disposed.
/// </summary>
public sealed class RequestLineWriterTests
{
    [Fact]
    public void A_line_reads_as_the_console_formatter_writes_it_and_is_written_by_dispose()
    {
        using var services = ConsoleServices();
        var output = new MemoryStream();
        var provider = Provider(services, output, TimeSpan.FromHours(1)); // only dispose writes
        var logger = provider.CreateLogger(RequestIds.Category);
        logger.Log(LogLevel.Information, new EventId(7, "Answered"), "GET /health/live answered 200 (request été-1)", null, (s, _) => s);
        Assert.Equal(0, output.Length);

        provider.Dispose();

        var expected = new StringWriter();
        var formatter = services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Simple);
        formatter.Write(new Microsoft.Extensions.Logging.Abstractions.LogEntry<string>(
            LogLevel.Information, RequestIds.Category, new EventId(7, "Answered"), "GET /health/live answered 200 (request été-1)", null, (s, _) => s), null, expected);
        Assert.Equal(expected.ToString(), Encoding.UTF8.GetString(output.ToArray()));
        Assert.StartsWith("info: Storewise.Requests[7] GET /health/live answered 200", expected.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_from_many_threads_are_each_written_once_in_order_and_none_is_lost_on_dispose()
    {
        const int Threads = 4;
        const int PerThread = 3_000;
        using var services = ConsoleServices();
        var output = new MemoryStream();
        var provider = Provider(services, output, TimeSpan.FromMilliseconds(5));
        var logger = provider.CreateLogger(RequestIds.Category);
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, thread =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                var message = $"t{thread} n{i} {new string('x', i % 300)}";
                logger.Log(LogLevel.Information, default, message, null, (s, _) => s);
            }
        });
        provider.Dispose();

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Threads * PerThread, lines.Length);
        for (var thread = 0; thread < Threads; thread++)
        {
            var numbers = lines.Where(l => l.Contains($"] t{thread} ", StringComparison.Ordinal))
                .Select(l => int.Parse(l.Split(' ')[3][1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(Enumerable.Range(0, PerThread), numbers);
        }
    }

    [Fact]
    public void Other_categories_are_left_to_the_console_logger()
    {
        using var services = ConsoleServices();
        var output = new MemoryStream();
        var provider = Provider(services, output, TimeSpan.FromMilliseconds(5));
        provider.CreateLogger("Storewise.Api.Carts").Log(LogLevel.Warning, default, "not mine", null, (s, _) => s);
        provider.Dispose();
        Assert.Equal(0, output.Length);
    }

    private static ServiceProvider ConsoleServices() =>
        new ServiceCollection().AddLogging(logging => logging.AddSimpleConsole(options => options.SingleLine = true)).BuildServiceProvider();

    private static RequestLineLoggerProvider Provider(ServiceProvider services, Stream output, TimeSpan flushInterval) =>
        new(services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>(), services.GetServices<ConsoleFormatter>(), output, Stream.Null, flushInterval);
}
