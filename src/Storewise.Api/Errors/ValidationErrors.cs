namespace Storewise.Api.Errors;

/// <summary>
/// Collects validation failures, each naming its field, and turns them into one 400 answer: the first
/// failure is the message, all of them are the causes.
/// </summary>
public sealed class ValidationErrors
{
    private readonly List<string> _causes = [];

    public bool Any => _causes.Count > 0;

    public IReadOnlyList<string> Causes => _causes;

    public void Add(string field, string problem) => _causes.Add($"{field}: {problem}");

    /// <summary>Adds the failures of a nested object, each field prefixed, e.g. <c>preview.offers[0].</c> + <c>name</c>.</summary>
    public void AddNested(string prefix, ValidationErrors nested) => _causes.AddRange(nested._causes.Select(cause => prefix + cause));

    public IResult ToResult() => ErrorResults.BadRequest(_causes[0], "validation_failed", _causes);

    public IResult ToProblem(HttpContext context) => ErrorResults.Problem(context, StatusCodes.Status400BadRequest, _causes[0], "bad_request");
}
