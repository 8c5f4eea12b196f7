using System.Data.Common;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Storewise.Api.Common;
using Storewise.Api.Storage;

namespace Storewise.Api.Errors;

/// <summary>
/// Maps every failure that escapes a handler to a JSON error: bad JSON and oversized bodies are 400 naming
/// the problem, an unreachable database is 503, anything else 500 without internals. Bodiless 4xx/5xx
/// answers (unknown route, wrong method, auth challenges) get a body too, so no HTML is ever sent.
/// </summary>
public static partial class ErrorHandling
{
    public static IApplicationBuilder UseJsonErrors(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = HandleExceptionAsync,
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages(context => WriteBodilessStatusAsync(context.HttpContext));
        return app;
    }

    private static async Task HandleExceptionAsync(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, message) = Classify(exception);
        // The handler cleared the answer's headers; the request id goes back on, so the caller can quote it and the
        // logged failure can be found by it.
        context.Response.Headers[RequestIds.Header] = context.TraceIdentifier;
        if (status >= 500)
        {
            LogFailed(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Storewise.Errors"), exception, status);
        }

        await ErrorResults.WriteAsync(context, status, message);
    }

    internal static (int Status, string Message) Classify(Exception? exception)
    {
        switch (exception)
        {
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                return (400, "request body too large");
            case BadHttpRequestException { InnerException: JsonException json }:
                return (400, DescribeJsonError(json));
            case BadHttpRequestException bad:
                return (400, bad.Message);
            case JsonException json:
                return (400, DescribeJsonError(json));
            case InvalidDataException invalid:
                return (400, invalid.Message);
            case OperationCanceledException:
                return (499, "request cancelled");
        }

        if (StorageFailures.IsUnstorableText(exception))
        {
            return (400, "text must not contain NUL (\\u0000) characters");
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException or TimeoutException || (e is DbException db && IsUnavailable(db)))
            {
                return (503, "the database is unavailable; retry shortly");
            }
        }

        return (500, "internal error");
    }

    private static bool IsUnavailable(DbException exception) =>
        StorageFailures.IsUnavailable(exception)
        || exception.InnerException is SocketException;

    /// <summary>"field: has the wrong type" or "field: is not valid JSON", for every body read by the service.</summary>
    public static string DescribeJsonError(JsonException exception)
    {
        var field = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? "body" : exception.Path.TrimStart('$', '.');
        var problem = exception.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? "has the wrong type"
            : "is not valid JSON";
        return $"{field}: {problem}";
    }

    private static Task WriteBodilessStatusAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        if (status == StatusCodes.Status413PayloadTooLarge)
        {
            // The server stopped reading a streamed body at the limit; answered like a declared oversized body.
            return ErrorResults.WriteAsync(context, StatusCodes.Status400BadRequest, "request body too large", "body_too_large");
        }

        var message = status switch
        {
            401 => "missing or invalid bearer token",
            403 => "forbidden",
            404 => "not found",
            405 => "method not allowed",
            415 => "unsupported media type: send the body as application/json",
            _ => "error",
        };
        return ErrorResults.WriteAsync(context, status, message);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request failed with {Status}")]
    private static partial void LogFailed(ILogger logger, Exception? exception, int status);
}
