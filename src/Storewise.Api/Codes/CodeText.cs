using System.Text.RegularExpressions;

namespace Storewise.Api.Codes;

/// <summary>What a coupon code may look like (SPEC 2.3) and the key that makes codes unique per tenant.</summary>
public static partial class CodeText
{
    /// <summary>Longest code accepted (docs/decisions/0203).</summary>
    public const int MaxLength = 128;

    public const string AllowedCharacters = "[a-zA-Z0-9-%_@&!]";

    /// <summary>Why <paramref name="code"/> is not a valid code, or null when it is.</summary>
    public static string? Problem(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return "must be a non-empty string";
        }

        if (code.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters";
        }

        return Pattern().IsMatch(code) ? null : $"'{code}' has characters outside {AllowedCharacters}";
    }

    /// <summary>Codes are compared case-insensitively (SPEC D8); ASCII-only charset, so invariant upper-casing is exact.</summary>
    public static string Key(string code) => code.ToUpperInvariant();

    [GeneratedRegex(@"^[a-zA-Z0-9\-%_@&!]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
