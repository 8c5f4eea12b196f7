using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Storewise.Api.Common;

namespace Storewise.Api.Telemetry;

/// <summary>
/// Writes the one line per request (<see cref="RequestIds.Category"/>) to standard output instead of the console
/// logger, formatted by the console's own configured formatter, so the line reads exactly as before. The console logger
/// takes a lock per line to hand it to its thread, which writes each line with its own write; here a request only
/// formats its line and adds it to a lock-free queue, and <see cref="RequestLineWriter"/> writes what has gathered in
/// one write every few milliseconds and everything left when the provider is disposed (docs/decisions/0529-request-line-writer.md).
/// Other categories get no logger from this provider; they stay with the console logger as they are.
/// </summary>
// The console's alias: `Logging:Console:LogLevel:...` settings apply to the request line as they did.
[ProviderAlias("Console")]
public sealed class RequestLineLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly IOptionsMonitor<ConsoleLoggerOptions> _options;
    private readonly ConsoleFormatter[] _formatters;
    private readonly RequestLineWriter _output;
    private readonly RequestLineWriter _errors;
    private IExternalScopeProvider? _scopes;

    public RequestLineLoggerProvider(
        IOptionsMonitor<ConsoleLoggerOptions> options, IEnumerable<ConsoleFormatter> formatters, Stream output, Stream errors, TimeSpan flushInterval)
    {
        _options = options;
        _formatters = [.. formatters];
        _output = new RequestLineWriter(output, flushInterval);
        _errors = new RequestLineWriter(errors, flushInterval);
    }

    public ILogger CreateLogger(string categoryName) =>
        categoryName == RequestIds.Category ? new RequestLineLogger(this, categoryName) : NullLogger.Instance;

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
        _output.Dispose();
        _errors.Dispose();
    }

    private ConsoleFormatter Formatter(ConsoleLoggerOptions options)
    {
        var name = options.FormatterName ?? ConsoleFormatterNames.Simple;
        foreach (var formatter in _formatters)
        {
            if (string.Equals(formatter.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return formatter;
            }
        }

        // The console logger falls back to the simple formatter for an unknown name too.
        return _formatters.First(f => f.Name == ConsoleFormatterNames.Simple);
    }

    private sealed class RequestLineLogger(RequestLineLoggerProvider provider, string category) : ILogger
    {
        [ThreadStatic]
        private static StringWriter? t_text;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var options = provider._options.CurrentValue;
            var text = t_text ??= new StringWriter();
            provider.Formatter(options).Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), provider._scopes, text);
            var builder = text.GetStringBuilder();
            if (builder.Length == 0)
            {
                return;
            }

            var line = builder.ToString();
            builder.Clear();
            if (builder.Capacity > 1024)
            {
                builder.Capacity = 1024;
            }

            (logLevel >= options.LogToStandardErrorThreshold ? provider._errors : provider._output).Add(line);
        }
    }
}
