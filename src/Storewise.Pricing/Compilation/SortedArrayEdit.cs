using System.Runtime.CompilerServices;

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
    // Optimised from the first call: updates are rare, so tiered compilation would leave them in slow code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        int read = 0, written = 0, nextRemoved = 0, next = 0;
        while (true)
        {
            // Copy up to the next place where something is taken out or put in, then do that.
            var removeAt = nextRemoved < removedAt.Count ? removedAt[nextRemoved] : sorted.Length;
            var addAt = next < adding.Length ? insertAt[next] : sorted.Length + 1;
            var stop = Math.Min(removeAt, Math.Min(addAt, sorted.Length));
            Array.Copy(sorted, read, result, written, stop - read);
            written += stop - read;
            read = stop;
            if (addAt == read)
            {
                result[written++] = adding[next++];
            }
            else if (removeAt == read && read < sorted.Length)
            {
                read++;
                nextRemoved++;
            }
            else
            {
                break;
            }
        }

        return result;
    }
}
