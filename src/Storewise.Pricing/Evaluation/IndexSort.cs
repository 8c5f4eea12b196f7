namespace Storewise.Pricing;

/// <summary>
/// Sorts spans of indices with a struct comparer. MemoryExtensions.Sort boxes the comparer and wraps it in a
/// delegate on every call; this generic version is specialised per comparer and allocates nothing. The
/// comparers used here define total orders, so stability does not matter.
/// </summary>
internal static class IndexSort
{
    private const int InsertionThreshold = 16;

    public static void Sort<TComparer>(Span<int> items, TComparer comparer)
        where TComparer : struct, IComparer<int>, allows ref struct
    {
        while (items.Length > InsertionThreshold)
        {
            var store = Partition(items, comparer);

            // Recurse into the smaller part and loop on the larger, so the stack stays logarithmic.
            var left = items[..store];
            var right = items[(store + 1)..];
            if (left.Length < right.Length)
            {
                Sort(left, comparer);
                items = right;
            }
            else
            {
                Sort(right, comparer);
                items = left;
            }
        }

        for (var i = 1; i < items.Length; i++)
        {
            var current = items[i];
            var j = i - 1;
            while (j >= 0 && comparer.Compare(items[j], current) > 0)
            {
                items[j + 1] = items[j];
                j--;
            }

            items[j + 1] = current;
        }
    }

    /// <summary>
    /// Partitions around a median-of-three pivot: smaller items before it, the rest after. Returns the pivot's
    /// final index.
    /// </summary>
    private static int Partition<TComparer>(Span<int> items, TComparer comparer)
        where TComparer : struct, IComparer<int>, allows ref struct
    {
        var pivotIndex = MedianOfThree(items, comparer);
        var pivot = items[pivotIndex];
        items[pivotIndex] = items[^1];
        items[^1] = pivot;
        var store = 0;
        for (var i = 0; i < items.Length - 1; i++)
        {
            if (comparer.Compare(items[i], pivot) < 0)
            {
                (items[i], items[store]) = (items[store], items[i]);
                store++;
            }
        }

        items[^1] = items[store];
        items[store] = pivot;
        return store;
    }

    /// <summary>
    /// Moves the <paramref name="count"/> smallest items (in comparer order) to the front, in no particular order:
    /// quickselect, linear on average, for when only the first few of an order matter.
    /// </summary>
    public static void SelectSmallest<TComparer>(Span<int> items, int count, TComparer comparer)
        where TComparer : struct, IComparer<int>, allows ref struct
    {
        while (items.Length > InsertionThreshold && count > 0 && count < items.Length)
        {
            var store = Partition(items, comparer);
            if (count <= store)
            {
                items = items[..store];
            }
            else
            {
                // The first store + 1 items are all among the smallest; look for the rest on the right.
                count -= store + 1;
                items = items[(store + 1)..];
            }
        }

        if (count > 0 && count < items.Length)
        {
            Sort(items, comparer);
        }
    }

    private static int MedianOfThree<TComparer>(Span<int> items, TComparer comparer)
        where TComparer : struct, IComparer<int>, allows ref struct
    {
        var low = 0;
        var middle = items.Length / 2;
        var high = items.Length - 1;
        if (comparer.Compare(items[low], items[middle]) > 0)
        {
            (low, middle) = (middle, low);
        }

        // Now items[low] <= items[middle].
        if (comparer.Compare(items[middle], items[high]) <= 0)
        {
            return middle;
        }

        return comparer.Compare(items[low], items[high]) > 0 ? low : high;
    }
}
