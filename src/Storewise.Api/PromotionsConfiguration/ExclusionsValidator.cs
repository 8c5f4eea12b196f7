using Storewise.Api.Errors;

namespace Storewise.Api.PromotionsConfiguration;

/// <summary>Checks an exclusion list body: <c>ids</c> required, non-empty strings, at most 10,000; duplicates dropped.</summary>
public static class ExclusionsValidator
{
    public static IReadOnlyList<string>? Validate(ExclusionsRequest? request, out ValidationErrors errors)
    {
        errors = new ValidationErrors();
        if (request?.Ids is null)
        {
            errors.Add("ids", "is required: an array of product ids");
            return null;
        }

        if (request.Ids.Count > ExclusionList.MaxIds)
        {
            errors.Add("ids", $"must have at most {ExclusionList.MaxIds} entries");
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ids = new List<string>(request.Ids.Count);
        for (var i = 0; i < request.Ids.Count; i++)
        {
            var id = request.Ids[i];
            if (string.IsNullOrWhiteSpace(id))
            {
                errors.Add($"ids[{i}]", "must be a non-empty product id");
            }
            else if (seen.Add(id))
            {
                ids.Add(id);
            }
        }

        return errors.Any ? null : ids;
    }
}
