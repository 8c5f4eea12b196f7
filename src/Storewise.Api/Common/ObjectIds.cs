using System.Security.Cryptography;

namespace Storewise.Api.Common;

/// <summary>
/// Ids in the vendor's layout (SPEC 0.4): a 4-byte Unix-seconds timestamp, a 5-byte per-process random
/// value and a 3-byte counter, written as 24 hex digits split 8/4/12 around a fixed <c>-4000-8000-</c>.
/// They sort by creation second and are unique across processes.
/// </summary>
public sealed class ObjectIds(TimeProvider clock)
{
    private static readonly byte[] ProcessRandom = RandomNumberGenerator.GetBytes(5);
    private static int _counter = RandomNumberGenerator.GetInt32(0, 0xFFFFFF);

    public string NewId()
    {
        var seconds = (uint)clock.GetUtcNow().ToUnixTimeSeconds();
        var counter = Interlocked.Increment(ref _counter) & 0xFFFFFF;
        var p = Convert.ToHexStringLower(ProcessRandom); // 10 hex digits
        return $"{seconds:x8}-{p[..4]}-4000-8000-{p[4..]}{counter:x6}";
    }

    /// <summary>A fresh optimistic-concurrency token (a random UUID, as the vendor's samples show).</summary>
    public static string NewVersion() => Guid.NewGuid().ToString();
}
