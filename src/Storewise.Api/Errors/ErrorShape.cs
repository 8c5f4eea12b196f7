namespace Storewise.Api.Errors;

/// <summary>Which of the two error bodies a route answers with (docs/spec.md §D11).</summary>
public static class ErrorShape
{
    /// <summary>Sales-order routes answer problem+json; every other route answers shape B.</summary>
    public static bool UsesProblemJson(PathString path) =>
        path.StartsWithSegments("/v0/config/sales_order", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/v0/sales_order", StringComparison.OrdinalIgnoreCase);

    public static string ErrorCodeFor(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        422 => "unprocessable_entity",
        429 => "too_many_requests",
        503 => "service_unavailable",
        _ => status >= 500 ? "internal_server_error" : "error",
    };
}
