namespace Storewise.Pricing;

/// <summary>
/// Small integer ids for the currency codes a catalog uses, case-insensitive (docs/pricing-rules.md A56), so an evaluation resolves the
/// cart currency once and then compares integers instead of strings for every offer.
/// </summary>
internal sealed class CurrencyIds
{
    private readonly Dictionary<string, int> ids = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The id of <paramref name="currency"/>, or -1 when no offer of the catalog uses it.</summary>
    public int Find(string? currency) => currency is not null && ids.TryGetValue(currency, out var id) ? id : -1;

    /// <summary>A copy that can take new currencies while this one keeps serving an older catalogue.</summary>
    public CurrencyIds Copy()
    {
        var copy = new CurrencyIds();
        foreach (var (currency, id) in ids)
        {
            copy.ids.Add(currency, id);
        }

        return copy;
    }

    public int GetOrAdd(string currency)
    {
        if (!ids.TryGetValue(currency, out var id))
        {
            id = ids.Count;
            ids.Add(currency, id);
        }

        return id;
    }
}
