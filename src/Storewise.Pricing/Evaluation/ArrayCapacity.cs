namespace Storewise.Pricing;

/// <summary>Growth of the engine's reused working arrays: they only grow, so steady-state evaluations allocate nothing.</summary>
internal static class ArrayCapacity
{
    /// <summary>Makes <paramref name="array"/> hold at least <paramref name="count"/> items; its contents are not kept.</summary>
    public static void Reserve<T>(ref T[] array, int count)
    {
        if (array.Length < count)
        {
            array = new T[Math.Max(count, array.Length * 2)];
        }
    }

    /// <summary>Makes room for one more item after the first <paramref name="count"/>, keeping them.</summary>
    public static void GrowForAppend<T>(ref T[] array, int count)
    {
        if (count == array.Length)
        {
            Array.Resize(ref array, Math.Max(4, count * 2));
        }
    }
}
