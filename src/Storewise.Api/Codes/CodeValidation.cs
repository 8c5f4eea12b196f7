using Storewise.Api.Errors;

namespace Storewise.Api.Codes;

/// <summary>Edge validation of the code routes; every message names the field (and the code).</summary>
public static class CodeValidation
{
    /// <summary>The codes to create, or the 400 answer. Any invalid code rejects the whole request.</summary>
    public static bool TryValidateCreate(CreateCodesRequest? request, int maxCodes, out IReadOnlyList<string> codes, out IResult? error)
    {
        codes = [];
        error = null;
        var errors = new ValidationErrors();
        if (CodeText.IsUsableList(request?.Codes, maxCodes, errors))
        {
            var list = request!.Codes!;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < list.Count; i++)
            {
                var problem = CodeText.Problem(list[i]);
                if (problem is not null)
                {
                    errors.Add($"codes[{i}]", problem);
                }
                else if (!seen.Add(CodeText.Key(list[i]!)))
                {
                    errors.Add($"codes[{i}]", $"'{list[i]}' appears more than once in the request (codes are case-insensitive)");
                }
            }

            codes = list.Select(c => c!).ToList();
        }

        if (errors.Any)
        {
            error = errors.ToResult();
            return false;
        }

        return true;
    }

    /// <summary>The PATCH rules of docs/spec.md §8 #26: <c>active</c> is required, <c>id</c>/<c>name</c> must match the code.</summary>
    public static IResult? ValidateUpdate(UpdateCodeRequest? request, CodeRow stored)
    {
        var errors = new ValidationErrors();
        if (request?.Active is null)
        {
            errors.Add("active", "is required (true or false)");
        }

        if (request?.Id is { } id && !string.Equals(id, stored.Id, StringComparison.Ordinal))
        {
            errors.Add("id", "does not match the code id in the path");
        }

        if (request?.Name is { } name && !string.Equals(CodeText.Key(name), CodeText.Key(stored.Code), StringComparison.Ordinal))
        {
            errors.Add("name", "a code's text cannot be changed");
        }

        return errors.Any ? errors.ToResult() : null;
    }
}
