using Storewise.Pricing;

namespace Storewise.Api.Carts;

/// <summary>Writes money at the currency's minor unit, so 5 EUR is sent as 5.00 and 5 JPY as 5 (docs/pricing-rules.md A54).</summary>
public static class Money
{
    private static readonly decimal[] ZeroWithScale = [0m, 0.0m, 0.00m, 0.000m, 0.0000m];

    public static decimal Normalise(decimal amount, int exponent)
    {
        exponent = Math.Clamp(exponent, 0, ZeroWithScale.Length - 1);
        return Math.Round(amount, exponent, MidpointRounding.AwayFromZero) + ZeroWithScale[exponent];
    }

    public static decimal Normalise(decimal amount, string currency) =>
        Normalise(amount, CurrencyMinorUnits.GetExponentOrDefault(currency));
}
