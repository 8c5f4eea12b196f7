using System.Net;
using System.Text;

namespace Storewise.Api.Tests.Imports;

/// <summary>
/// A CSV body sent in two parts: the first lines at once, the rest only when <see cref="Release"/> is called, so a
/// test can look at the server while an upload is still streaming. Its length is unknown, so it is sent chunked.
/// </summary>
public sealed class HeldBackCsv(IEnumerable<string> first, IEnumerable<string> rest) : HttpContent
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _released.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(Lines(first));
        await stream.FlushAsync();
        await _released.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await stream.WriteAsync(Lines(rest));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    private static byte[] Lines(IEnumerable<string> lines) => Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));
}
