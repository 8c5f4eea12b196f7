using System.Collections.Frozen;

namespace Storewise.Pricing;

/// <summary>ISO 4217 minor-unit exponents (JPY 0, EUR 2, KWD 3, CLF 4). Codes are case-insensitive (docs/pricing-rules.md A56).</summary>
public static class CurrencyMinorUnits
{
    /// <summary>The exponent used for codes the table does not know.</summary>
    public const int DefaultExponent = 2;

    private static readonly string[] ZeroDecimal =
    [
        "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF",
        "XOF", "XPF",
    ];

    private static readonly string[] ThreeDecimal = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

    private static readonly string[] FourDecimal = ["CLF", "UYW"];

    // Current codes with two decimals, plus a few recently withdrawn ones that stored data may still carry.
    private static readonly string[] TwoDecimal =
    [
        "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BMD",
        "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHE", "CHF", "CHW", "CNY",
        "COP", "COU", "CRC", "CUC", "CUP", "CVE", "CZK", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD",
        "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GTQ", "GYD", "HKD", "HNL", "HRK", "HTG", "HUF", "IDR", "ILS",
        "INR", "IRR", "JMD", "KES", "KGS", "KHR", "KPW", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "MAD",
        "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD",
        "NGN", "NIO", "NOK", "NPR", "NZD", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "QAR", "RON", "RSD", "RUB",
        "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SLL", "SOS", "SRD", "SSP", "STN", "SVC", "SYP",
        "SZL", "THB", "TJS", "TMT", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "USD", "USN", "UZS", "VED", "VES",
        "WST", "XCD", "XCG", "YER", "ZAR", "ZMW", "ZWG", "ZWL",
    ];

    private static readonly FrozenDictionary<string, int> Exponents = BuildTable();

    /// <summary>The exponent of a known ISO 4217 code; false for unknown codes and for codes without minor units (XAU, XDR, …).</summary>
    public static bool TryGetExponent(string currency, out int exponent)
    {
        if (currency is not null && Exponents.TryGetValue(currency, out exponent))
        {
            return true;
        }

        exponent = DefaultExponent;
        return false;
    }

    /// <summary>The exponent of <paramref name="currency"/>, or 2 when the code is unknown.</summary>
    public static int GetExponentOrDefault(string currency)
    {
        TryGetExponent(currency, out var exponent);
        return exponent;
    }

    /// <summary>True when <paramref name="amount"/> has no digits beyond the currency's minor unit (5.00 and 5 both pass for EUR; 4.955 fails).</summary>
    public static bool HasAtMostMinorUnitPrecision(decimal amount, string currency)
    {
        var exponent = GetExponentOrDefault(currency);
        return decimal.Round(amount, exponent, MidpointRounding.AwayFromZero) == amount;
    }

    private static FrozenDictionary<string, int> BuildTable()
    {
        var table = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        Add(table, ZeroDecimal, 0);
        Add(table, TwoDecimal, 2);
        Add(table, ThreeDecimal, 3);
        Add(table, FourDecimal, 4);
        return table.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static void Add(Dictionary<string, int> table, string[] codes, int exponent)
    {
        foreach (var code in codes)
        {
            table[code] = exponent;
        }
    }
}
