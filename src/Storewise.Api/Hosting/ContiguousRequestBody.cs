using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Storewise.Api.Hosting;

/// <summary>
/// Marks a route whose JSON body is read into one pooled buffer before the handler binds it, so the serializer
/// parses one contiguous span instead of the server's 4 KB segments (docs/decisions/0528-contiguous-request-body.md).
/// Only bodies of a declared length within the size limit are buffered; anything else reaches the handler as it came.
/// </summary>
public static class ContiguousRequestBody
{
    private static readonly Marked Marker = new();

    /// <summary>Runs after authorization: a body is only read for a caller that may send it.</summary>
    public static IApplicationBuilder UseContiguousRequestBodies(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength is not { } declared
                || declared is <= 0 or > int.MaxValue
                || context.GetEndpoint()?.Metadata.GetMetadata<Marked>() is null)
            {
                await next();
                return;
            }

            var buffer = ArrayPool<byte>.Shared.Rent((int)declared);
            var original = context.Features.Get<IRequestBodyPipeFeature>();
            try
            {
                int length;
                try
                {
                    length = await ReadAsync(context.Request.BodyReader, buffer);
                }
                catch (IOException)
                {
                    // The client went away or the server refused the body: the handler's own read meets the same end.
                    await next();
                    return;
                }

                context.Features.Set<IRequestBodyPipeFeature>(new BufferedBody(PipeReader.Create(new ReadOnlySequence<byte>(buffer, 0, length))));
                await next();
            }
            finally
            {
                context.Features.Set(original);
                ArrayPool<byte>.Shared.Return(buffer);
            }
        });

    public static TBuilder ReadsContiguousBody<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(Marker);

    /// <summary>Reads the whole body into <paramref name="buffer"/>; the server ends it at the declared length.</summary>
    private static async Task<int> ReadAsync(PipeReader reader, byte[] buffer)
    {
        var length = 0;
        while (true)
        {
            var result = await reader.ReadAsync();
            var data = result.Buffer;
            if (data.Length > buffer.Length - length)
            {
                throw new IOException("request body longer than its declared length");
            }

            data.CopyTo(buffer.AsSpan(length));
            length += (int)data.Length;
            reader.AdvanceTo(data.End);
            if (result.IsCompleted)
            {
                return length;
            }
        }
    }

    private sealed record Marked;

    private sealed class BufferedBody(PipeReader reader) : IRequestBodyPipeFeature
    {
        public PipeReader Reader { get; } = reader;
    }
}
