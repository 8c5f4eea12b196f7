using System.Text.Json;
using Storewise.Api.Errors;

namespace Storewise.Api.SalesOrderConfig;

/// <summary>
/// Reads members of a JSON value with the vendor's wording for type errors ("Value provided should be a
/// string."), prefixed by the field path, into <see cref="ValidationErrors"/>.
/// </summary>
public static class JsonValueReader
{
    public const string ShouldBeString = "Value provided should be a string.";
    public const string ShouldBeInteger = "Value provided should be an integer.";
    public const string ShouldBeBoolean = "Value provided should be a boolean.";
    public const string ShouldBeObject = "Value provided should be an object.";
    public const string ShouldBeArray = "Value provided should be an array.";
    public const string Required = "is required";

    /// <summary>The member, or null when it is absent or JSON null (both count as not sent).</summary>
    public static JsonElement? Member(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var element) && element.ValueKind != JsonValueKind.Null ? element : null;

    public static bool IsObject(JsonElement element, string path, ValidationErrors errors)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        errors.Add(path, ShouldBeObject);
        return false;
    }

    public static string? String(JsonElement parent, string name, string path, bool required, ValidationErrors errors)
    {
        if (Member(parent, name) is not { } element)
        {
            AddIfRequired(path, required, errors);
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            errors.Add(path, ShouldBeString);
            return null;
        }

        return element.GetString();
    }

    public static bool? Boolean(JsonElement parent, string name, string path, bool required, ValidationErrors errors)
    {
        if (Member(parent, name) is not { } element)
        {
            AddIfRequired(path, required, errors);
            return null;
        }

        if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add(path, ShouldBeBoolean);
            return null;
        }

        return element.GetBoolean();
    }

    public static long? Integer(JsonElement parent, string name, string path, bool required, long min, long max, ValidationErrors errors)
    {
        if (Member(parent, name) is not { } element)
        {
            AddIfRequired(path, required, errors);
            return null;
        }

        return Integer(element, path, min, max, errors);
    }

    /// <summary>An integer in [min, max]; a fraction is a type error, a too-large integer a range error.</summary>
    public static long? Integer(JsonElement element, string path, long min, long max, ValidationErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            errors.Add(path, ShouldBeInteger);
            return null;
        }

        if (!element.TryGetInt64(out var value))
        {
            var raw = element.GetRawText();
            var isWhole = raw.IndexOfAny(['.', 'e', 'E']) < 0;
            var tooLarge = isWhole && !raw.StartsWith('-') && max == long.MaxValue;
            errors.Add(path, !isWhole ? ShouldBeInteger : tooLarge ? "is too large" : RangeProblem(min, max));
            return null;
        }

        if (value < min || value > max)
        {
            errors.Add(path, RangeProblem(min, max));
            return null;
        }

        return value;
    }

    private static string RangeProblem(long min, long max) =>
        max == long.MaxValue ? $"must be at least {min}" : $"must be between {min} and {max}";

    private static void AddIfRequired(string path, bool required, ValidationErrors errors)
    {
        if (required)
        {
            errors.Add(path, Required);
        }
    }
}
