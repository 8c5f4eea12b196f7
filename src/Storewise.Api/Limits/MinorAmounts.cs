namespace Storewise.Api.Limits;

/// <summary>Money of the ledger: counters keep whole minor units; answers and events show the amount.</summary>
public static class MinorAmounts
{
    /// <summary>Minor units as an amount of a currency with <paramref name="exponent"/> decimals (1500, 2 → 15.00).</summary>
    public static decimal ToMoney(long minor, int exponent)
    {
        var value = (decimal)minor;
        for (var i = 0; i < exponent; i++)
        {
            value /= 10m;
        }

        return value;
    }

    /// <summary>An amount as whole minor units (15.00, 2 → 1500); amounts are already rounded to the currency.</summary>
    public static long ToMinor(decimal amount, int exponent)
    {
        for (var i = 0; i < exponent; i++)
        {
            amount *= 10m;
        }

        return (long)amount;
    }
}
