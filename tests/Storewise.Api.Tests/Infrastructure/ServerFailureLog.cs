using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Storewise.Api.Common;

namespace Storewise.Api.Tests.Infrastructure;

/// <summary>
/// Keeps, by request id, the exception of every request the test host answered with a 5xx after a failure
/// (what <c>Storewise.Errors</c> logs), so that a test which receives an undocumented 500 can say what failed on
/// the server instead of only "internal error".
/// </summary>
public sealed class ServerFailureLog : ILoggerProvider, ISupportExternalScope
{
    private const string Category = "Storewise.Errors";

    private readonly ConcurrentDictionary<string, string> _failures = new(StringComparer.Ordinal);
    private IExternalScopeProvider? _scopes;

    /// <summary>The exception logged for the request with this id, or null.</summary>
    public string? For(string requestId) => _failures.GetValueOrDefault(requestId);

    public ILogger CreateLogger(string categoryName) =>
        categoryName == Category ? new Logger(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(ServerFailureLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string? requestId = null;
            log._scopes?.ForEachScope((scope, _) => requestId ??= (scope as RequestScope)?.RequestId, (object?)null);
            if (requestId is not null)
            {
                log._failures[requestId] = $"{formatter(state, exception)}: {exception}";
            }
        }
    }
}
