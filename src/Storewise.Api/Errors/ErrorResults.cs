using System.Text.Json;

namespace Storewise.Api.Errors;

/// <summary>
/// The one place error responses are made. Handlers return these results; middleware (bad JSON, unknown
/// routes, auth failures, unexpected exceptions) writes the same bodies through <see cref="WriteAsync"/>.
/// </summary>
public static class ErrorResults
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static IResult Status(int status, string message, string? code = null, IReadOnlyList<string>? causes = null) =>
        TypedResults.Json(new ApiError(message, status) { Code = code, Causes = causes }, statusCode: status);

    public static IResult BadRequest(string message, string? code = null, IReadOnlyList<string>? causes = null) =>
        Status(StatusCodes.Status400BadRequest, message, code, causes);

    public static IResult NotFound(string message = "not found", string? code = null) =>
        Status(StatusCodes.Status404NotFound, message, code);

    public static IResult Conflict(string message, string? code = null) =>
        Status(StatusCodes.Status409Conflict, message, code);

    /// <summary>A problem+json error for the sales-order routes (shape C).</summary>
    public static IResult Problem(HttpContext context, int status, string message, string? errorCode = null) =>
        TypedResults.Json(
            new ProblemError(errorCode ?? ErrorShape.ErrorCodeFor(status), message, context.TraceIdentifier),
            contentType: "application/problem+json",
            statusCode: status);

    /// <summary>Writes an error body in the shape the request's route uses.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string message, string? code = null)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status;
        if (ErrorShape.UsesProblemJson(context.Request.Path))
        {
            context.Response.ContentType = "application/problem+json";
            await JsonSerializer.SerializeAsync(
                context.Response.Body,
                new ProblemError(code ?? ErrorShape.ErrorCodeFor(status), message, context.TraceIdentifier),
                JsonOptions,
                context.RequestAborted);
        }
        else
        {
            context.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(context.Response.Body, new ApiError(message, status) { Code = code }, JsonOptions, context.RequestAborted);
        }
    }
}
