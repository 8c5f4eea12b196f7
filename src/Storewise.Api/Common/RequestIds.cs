using System.Diagnostics;
using System.Security.Cryptography;

namespace Storewise.Api.Common;

/// <summary>
/// Echoes <c>x-request-id</c> or makes one (29 hex digits, like the vendor's samples), puts it on the
/// response and in every log line of the request, and logs one structured line per request.
/// </summary>
public static partial class RequestIds
{
    public const string Header = "x-request-id";

    /// <summary>The category of the one line per request; <c>Logging:LogLevel:Storewise.Requests</c> sets its level.</summary>
    public const string Category = "Storewise.Requests";

    public static IApplicationBuilder UseRequestIds(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        return app.Use(async (context, next) =>
        {
            var incoming = context.Request.Headers[Header].ToString();
            var id = IsUsable(incoming) ? incoming : NewId();
            context.TraceIdentifier = id;
            context.Response.Headers[Header] = id;
            using var scope = logger.BeginScope(new RequestScope(id));
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next();
            }
            finally
            {
                if (logger.IsEnabled(LogLevel.Information))
                {
                    var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    var traceId = Activity.Current?.TraceId.ToHexString();
                    LogAnswered(logger, context.Request.Method, context.Request.Path.Value, context.Response.StatusCode, elapsedMs, traceId, id);
                }
            }
        });
    }

    // Generated: checks the level first and formats without boxing into an argument array (one line per request).
    // The id is in the line itself: console output shows no scopes.
    // The trace id joins the line to the request's trace (and to the scopes of every other line of the request).
    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} answered {Status} in {ElapsedMs:0.0} ms, trace {TraceId} (request {RequestId})")]
    private static partial void LogAnswered(ILogger logger, string method, string? path, int status, double elapsedMs, string? traceId, string requestId);

    // Only short, printable ids are echoed, so a header cannot smuggle text into logs or responses.
    private static bool IsUsable(string value) =>
        value.Length is > 0 and <= 128 && value.All(c => c is > ' ' and < (char)127);

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(15))[..29];
}
