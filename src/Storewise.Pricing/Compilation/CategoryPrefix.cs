namespace Storewise.Pricing;

/// <summary>Category path matching (docs/pricing-rules.md A13): segment-wise prefix, exact case-sensitive segments; an empty configured path matches any categorised item.</summary>
internal static class CategoryPrefix
{
    public static bool AnyMatches(string[][] configured, IReadOnlyList<IReadOnlyList<string>> itemPaths)
    {
        foreach (var prefix in configured)
        {
            for (var p = 0; p < itemPaths.Count; p++)
            {
                var path = itemPaths[p];
                if (path is not null && StartsWith(path, prefix))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool StartsWith(IReadOnlyList<string> path, string[] prefix)
    {
        if (path is string[] segments)
        {
            // The paths the service makes are arrays: compared as spans, without a call through IReadOnlyList per
            // segment. Default string equality is the ordinal comparison below.
            return segments.AsSpan().StartsWith(prefix);
        }

        if (path.Count < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (!string.Equals(path[i], prefix[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
