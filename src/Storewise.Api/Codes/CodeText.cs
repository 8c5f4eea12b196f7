using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Storewise.Api.Errors;

namespace Storewise.Api.Codes;

/// <summary>What a coupon code may look like (docs/spec.md §2.3) and the key that makes codes unique per tenant.</summary>
public static partial class CodeText
{
    /// <summary>Longest code accepted (docs/decisions/0203-code-length.md).</summary>
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

    /// <summary>Codes are compared case-insensitively (docs/spec.md §D8); ASCII-only charset, so invariant upper-casing is exact.</summary>
    public static string Key(string code) => code.ToUpperInvariant();

    /// <summary>
    /// Whether a request's <c>codes</c> is a non-empty array of at most <paramref name="maxCodes"/> entries; when not,
    /// the failure is added to <paramref name="errors"/>. The entries themselves are each route's to check.
    /// </summary>
    public static bool IsUsableList([NotNullWhen(true)] IReadOnlyList<string?>? codes, int maxCodes, ValidationErrors errors)
    {
        if (codes is not { Count: > 0 })
        {
            errors.Add("codes", "must be a non-empty array of codes");
            return false;
        }

        if (codes.Count > maxCodes)
        {
            errors.Add("codes", $"at most {maxCodes} codes per request");
            return false;
        }

        return true;
    }

    [GeneratedRegex(@"^[a-zA-Z0-9\-%_@&!]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
