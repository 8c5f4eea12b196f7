namespace Storewise.Pricing;

/// <summary>An amount in one currency (by catalog currency id), in minor units and as the entry value at the minor unit.</summary>
internal readonly record struct CurrencyAmountMinor(int CurrencyId, long Minor, decimal Value)
{
    /// <summary>The entry of <paramref name="currencyId"/>; false when there is none.</summary>
    public static bool TryFind(CurrencyAmountMinor[] amounts, int currencyId, out CurrencyAmountMinor found)
    {
        foreach (var amount in amounts)
        {
            if (amount.CurrencyId == currencyId)
            {
                found = amount;
                return true;
            }
        }

        found = default;
        return false;
    }
}
