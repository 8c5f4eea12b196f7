using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Storewise.Api.Errors;

namespace Storewise.Api.Common;

/// <summary>
/// Applies <see cref="LimitsOptions.MaxBodyBytes"/> (or an endpoint's own <see cref="IRequestSizeLimitMetadata"/>)
/// to every request body, answering 400 naming the limit. Declared lengths are checked up front; Kestrel
/// enforces the same limit on streamed bodies; on servers that cannot, the body stream counts the bytes itself.
/// </summary>
public static class BodySizeLimit
{
    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limits = context.RequestServices.GetRequiredService<LimitsOptions>();
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? limits.MaxBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                await ErrorResults.WriteAsync(context, StatusCodes.Status400BadRequest, $"request body too large: the limit is {limit} bytes", "body_too_large");
                return;
            }

            var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (feature is { IsReadOnly: false })
            {
                feature.MaxRequestBodySize = limit;
            }
            else
            {
                // The server cannot enforce it (no feature, or reading already began): count the bytes ourselves.
                context.Request.Body = new LimitedBodyStream(context.Request.Body, limit);
            }

            await next();
        });
}
