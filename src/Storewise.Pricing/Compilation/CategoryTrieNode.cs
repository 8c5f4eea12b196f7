using System.Collections.Frozen;

namespace Storewise.Pricing;

/// <summary>
/// One node of the category index: the promotions whose configured path ends here. Walking an item's path from
/// the root visits every prefix of it, so every promotion whose path is a prefix is found without building strings.
/// </summary>
internal sealed class CategoryTrieNode
{
    // While promotions are added; Freeze turns them into the frozen children that carts look up. A frozen
    // dictionary hashes only the characters that tell its keys apart, and the walk looked up every segment of
    // every line's paths in an ordinary one.
    private Dictionary<string, CategoryTrieNode>? building;
    private FrozenDictionary<string, CategoryTrieNode>? children;
    private List<int>? pending;

    /// <summary>Indices of the promotions whose configured path is exactly this node's path.</summary>
    public IndexEntry[] Offers { get; private set; } = [];

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
            node.building ??= new Dictionary<string, CategoryTrieNode>(StringComparer.Ordinal);
            if (!node.building.TryGetValue(segment, out var next))
            {
                next = new CategoryTrieNode();
                node.building.Add(segment, next);
            }

            node = next;
        }

        node.pending ??= [];
        node.pending.Add(offerIndex);
    }

    /// <summary>
    /// A copy of this (frozen) trie in which the node at <paramref name="path"/> holds <paramref name="change"/>
    /// applied to its offers: only the nodes on the path are copied, every other node is shared with this trie,
    /// which is not changed.
    /// </summary>
    public CategoryTrieNode WithOffersAt(string[] path, Func<IndexEntry[], IndexEntry[]> change) => WithOffersAt(path, 0, change);

    private CategoryTrieNode WithOffersAt(string[] path, int depth, Func<IndexEntry[], IndexEntry[]> change)
    {
        // Frozen children are never changed, so a copy may share them.
        var copy = new CategoryTrieNode { children = children, Offers = Offers };
        if (depth == path.Length)
        {
            copy.Offers = change(Offers);
            return copy;
        }

        var edited = children is null
            ? new Dictionary<string, CategoryTrieNode>(StringComparer.Ordinal)
            : new Dictionary<string, CategoryTrieNode>(children, StringComparer.Ordinal);
        var child = edited.TryGetValue(path[depth], out var existing) ? existing : new CategoryTrieNode();
        edited[path[depth]] = child.WithOffersAt(path, depth + 1, change);
        copy.children = edited.ToFrozenDictionary(StringComparer.Ordinal);
        return copy;
    }

    /// <summary>Turns the collected lists into index entries ordered by <paramref name="order"/>, once, after all promotions were added.</summary>
    public void Freeze(IComparer<int> order, Func<List<int>, IndexEntry[]> entries)
    {
        if (pending is not null)
        {
            pending.Sort(order);
            Offers = entries(pending);
            pending = null;
        }

        if (building is not null)
        {
            foreach (var child in building.Values)
            {
                child.Freeze(order, entries);
            }

            children = building.ToFrozenDictionary(StringComparer.Ordinal);
            building = null;
        }
    }
}
