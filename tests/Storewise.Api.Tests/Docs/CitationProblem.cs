namespace Storewise.Api.Tests.Docs;

/// <summary>A citation in a comment that does not lead to a file, or to an id in it.</summary>
internal sealed record CitationProblem(string File, int Line, string Citation, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Citation}: {Reason}";
}
