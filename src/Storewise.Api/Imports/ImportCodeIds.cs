using System.Security.Cryptography;

namespace Storewise.Api.Imports;

/// <summary>
/// The ids of one import's codes, in the layout of <see cref="Common.ObjectIds"/>: the import's start second and a
/// random value drawn for this import (where other ids carry the process's), then the row's staging sequence as the
/// counter. Every code an import creates therefore starts with the import's <see cref="Prefix"/>, so settling tells a
/// code this import created from one that was there before by comparing prefixes
/// (docs/decisions/0517-imports-settle-while-streaming.md).
/// </summary>
public sealed class ImportCodeIds
{
    /// <summary>Characters shared by every code id of one import: timestamp, random value and the fixed middle.</summary>
    public const int PrefixLength = 30;

    /// <summary>Rows one import can give ids to: the counter has six hex digits.</summary>
    public const int MaxRows = 1 << 24;

    public ImportCodeIds(TimeProvider clock)
    {
        var seconds = (uint)clock.GetUtcNow().ToUnixTimeSeconds();
        var random = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        Prefix = $"{seconds:x8}-{random[..4]}-4000-8000-{random[4..]}";
    }

    public string Prefix { get; }

    /// <summary>The id of the code staged at <paramref name="seq"/> (0 to <see cref="MaxRows"/> - 1).</summary>
    public string For(int seq) =>
        (uint)seq < MaxRows ? $"{Prefix}{seq:x6}" : throw new ArgumentOutOfRangeException(nameof(seq), seq, "an import has at most 16,777,216 rows");
}
