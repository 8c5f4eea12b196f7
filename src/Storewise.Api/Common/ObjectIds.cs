using System.Security.Cryptography;

namespace Storewise.Api.Common;

/// <summary>
/// Ids in the vendor's layout (docs/spec.md §0.4): a 4-byte Unix-seconds timestamp, a 5-byte per-process random
/// value and a 3-byte counter, written as 24 hex digits split 8/4/12 around a fixed <c>-4000-8000-</c>.
/// They sort by creation second and are unique across processes.
/// </summary>
public sealed class ObjectIds(TimeProvider clock)
{
    private static readonly byte[] ProcessRandom = RandomNumberGenerator.GetBytes(5);
    private static int _counter = RandomNumberGenerator.GetInt32(0, 0xFFFFFF);

    // The random part never changes within the process, so its two hex pieces are formatted once.
    private static readonly string RandomHead = Convert.ToHexStringLower(ProcessRandom)[..4];
    private static readonly string RandomTail = Convert.ToHexStringLower(ProcessRandom)[4..];

    public string NewId()
    {
        var seconds = (uint)clock.GetUtcNow().ToUnixTimeSeconds();
        var counter = Interlocked.Increment(ref _counter) & 0xFFFFFF;
        return $"{seconds:x8}-{RandomHead}-4000-8000-{RandomTail}{counter:x6}";
    }

    /// <summary>A fresh optimistic-concurrency token (a random UUID, as the vendor's samples show).</summary>
    public static string NewVersion() => Guid.NewGuid().ToString();
}
