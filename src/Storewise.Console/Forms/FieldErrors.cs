using Storewise.BackOffice.Api;

namespace Storewise.BackOffice.Forms;

/// <summary>
/// The failures of a 400 answer by the field they name. The API writes each as <c>field: problem</c>; one that
/// names no field (or the body as a whole) belongs to the form.
/// </summary>
public sealed record FieldErrors(IReadOnlyList<FieldError> Errors)
{
    public static readonly FieldErrors None = new([]);

    public static FieldErrors From(ApiAnswer answer) => new([.. answer.Causes.Distinct(StringComparer.Ordinal).Select(Parse)]);

    public static FieldError Parse(string cause)
    {
        var colon = cause.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0)
        {
            return new FieldError(null, cause);
        }

        var field = cause[..colon].Trim();
        var looksLikePath = field.All(c => char.IsLetterOrDigit(c) || c is '.' or '[' or ']' or '_' or '-' or '$');
        if (!looksLikePath || field is "body" or "$")
        {
            return new FieldError(null, cause);
        }

        return new FieldError(field.TrimStart('$', '.'), cause[(colon + 2)..]);
    }
}

/// <summary>One failure: the field path it names (null for the whole form) and what is wrong.</summary>
public sealed record FieldError(string? Path, string Problem);
