namespace Storewise.Api.Offers;

/// <summary>Currency codes as the API takes them: three ASCII letters, compared case-insensitively (docs/pricing-rules.md A56).</summary>
public static class CurrencyCodes
{
    public static bool IsWellFormed(string code) => code.Length == 3 && code.All(char.IsAsciiLetter);

    public static bool SameCode(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
