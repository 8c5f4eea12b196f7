namespace Storewise.Pricing;

/// <summary>
/// A new sorted array from an old one, some of its elements taken out and some inserted, without sorting again:
/// binary searches find the places, one pass copies. The old array is not changed.
/// </summary>
internal static class SortedArrayEdit
{
    /// <summary>
    /// <paramref name="sorted"/> without <paramref name="removed"/> (elements of it) and with <paramref name="inserted"/>,
    /// in <paramref name="order"/>, which must tell any two distinct elements apart.
    /// </summary>
    public static T[] Apply<T>(T[] sorted, IReadOnlyCollection<T> removed, IReadOnlyCollection<T> inserted, IComparer<T> order)
        where T : class
    {
        var removedAt = new List<int>(removed.Count);
        foreach (var item in removed)
        {
            var at = Array.BinarySearch(sorted, item, order);
            if (at < 0 || !ReferenceEquals(sorted[at], item))
            {
                throw new InvalidOperationException("An element to remove is not in the sorted array.");
            }

            removedAt.Add(at);
        }

        removedAt.Sort();
        var adding = inserted.ToArray();
        Array.Sort(adding, order);
        var insertAt = new int[adding.Length];
        for (var a = 0; a < adding.Length; a++)
        {
            var at = Array.BinarySearch(sorted, adding[a], order);
            insertAt[a] = at >= 0 ? at : ~at; // an equal element is the one it replaces: insert before it
        }

        var result = new T[sorted.Length - removedAt.Count + adding.Length];
        int next = 0, nextRemoved = 0, written = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            while (next < adding.Length && insertAt[next] == i)
            {
                result[written++] = adding[next++];
            }

            if (nextRemoved < removedAt.Count && removedAt[nextRemoved] == i)
            {
                nextRemoved++;
                continue;
            }

            result[written++] = sorted[i];
        }

        while (next < adding.Length)
        {
            result[written++] = adding[next++];
        }

        return result;
    }
}
