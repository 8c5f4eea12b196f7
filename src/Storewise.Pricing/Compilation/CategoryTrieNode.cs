namespace Storewise.Pricing;

/// <summary>
/// One node of the category index: the promotions whose configured path ends here. Walking an item's path from
/// the root visits every prefix of it, so every promotion whose path is a prefix is found without building strings.
/// </summary>
internal sealed class CategoryTrieNode
{
    private Dictionary<string, CategoryTrieNode>? children;
    private List<int>? pending;

    /// <summary>Indices of the promotions whose configured path is exactly this node's path.</summary>
    public int[] Offers { get; private set; } = [];

    public bool TryGetChild(string segment, out CategoryTrieNode child)
    {
        if (children is not null && children.TryGetValue(segment, out var found))
        {
            child = found;
            return true;
        }

        child = this;
        return false;
    }

    public void Add(string[] path, int offerIndex)
    {
        var node = this;
        foreach (var segment in path)
        {
            node.children ??= new Dictionary<string, CategoryTrieNode>(StringComparer.Ordinal);
            if (!node.children.TryGetValue(segment, out var next))
            {
                next = new CategoryTrieNode();
                node.children.Add(segment, next);
            }

            node = next;
        }

        node.pending ??= [];
        node.pending.Add(offerIndex);
    }

    /// <summary>Turns the collected lists into arrays ordered by <paramref name="order"/>, once, after all promotions were added.</summary>
    public void Freeze(IComparer<int> order)
    {
        if (pending is not null)
        {
            pending.Sort(order);
            Offers = [.. pending];
            pending = null;
        }

        if (children is not null)
        {
            foreach (var child in children.Values)
            {
                child.Freeze(order);
            }
        }
    }
}
