namespace Storewise.Api.Storage;

/// <summary>
/// Where a page starts in a list ordered by a unique key: past the row whose key is <see cref="After"/> (from the
/// first row when <see cref="HasAfter"/> is false), then <see cref="Skip"/> rows further, fewer than
/// <see cref="ListPositions.Stride"/> (docs/decisions/0512-keyset-paging.md).
/// </summary>
public readonly record struct PageSeek<TKey>(bool HasAfter, TKey After, long Skip)
{
    public static PageSeek<TKey> FromStart(long skip) => new(false, default!, skip);
}
