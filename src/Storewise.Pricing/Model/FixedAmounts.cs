namespace Storewise.Pricing;

/// <summary>The amount of a fixed kind in one currency (docs/pricing-rules.md A27), for the engine and the service alike.</summary>
public static class FixedAmounts
{
    /// <summary>
    /// The per-currency entry for <paramref name="currency"/> (case-insensitive, docs/pricing-rules.md A56), else the scalar amount, else
    /// null: the offer is not eligible in that currency.
    /// </summary>
    public static decimal? For(IReadOnlyDictionary<string, decimal>? amounts, decimal? scalar, string currency)
    {
        if (amounts is not null)
        {
            if (amounts.TryGetValue(currency, out var amount))
            {
                return amount;
            }

            foreach (var entry in amounts)
            {
                if (string.Equals(entry.Key, currency, StringComparison.OrdinalIgnoreCase))
                {
                    return entry.Value;
                }
            }
        }

        return scalar;
    }
}
