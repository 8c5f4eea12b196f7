using System.Text.RegularExpressions;

namespace Storewise.Api.Tests.Docs;

/// <summary>
/// Finds the documentation citations in the comments of one source file and checks each against the repository:
/// the path must exist and every id after it must be one the file offers (<see cref="DocumentIds"/>). Anything that
/// still looks like a citation but names no file (a document name, or an id without a path) is a problem too. The
/// syntax, and the old forms that fail, are those docs/README.md describes.
/// </summary>
internal sealed partial class CitationChecker(string root)
{
    private readonly Dictionary<string, IReadOnlySet<string>> _documents = new(StringComparer.Ordinal);

    /// <summary>How many citations the files checked so far hold, resolvable or not.</summary>
    public int Citations { get; private set; }

    public IReadOnlyList<CitationProblem> Check(string file, string source)
    {
        var problems = new List<CitationProblem>();
        foreach (var comment in SourceComments.Read(source))
        {
            var rest = comment.Text.ToCharArray();
            foreach (Match path in CitedPath().Matches(comment.Text))
            {
                Citations++;
                var end = CheckCitation(comment, path, problems, file);
                Array.Fill(rest, ' ', path.Index, end - path.Index);
            }

            foreach (Match uncited in Uncited().Matches(new string(rest)))
            {
                problems.Add(new CitationProblem(file, comment.Line, uncited.Value, "cites no file (write it as docs/README.md says)"));
            }
        }

        return problems;
    }

    /// <summary>Checks the path and the ids after it; returns where the citation ends.</summary>
    private int CheckCitation(CommentLine comment, Match path, List<CitationProblem> problems, string file)
    {
        var full = Path.Combine(root, path.Value);
        var exists = File.Exists(full) || Directory.Exists(full);
        if (!exists)
        {
            problems.Add(new CitationProblem(file, comment.Line, path.Value, "no such file in the repository"));
        }

        var end = path.Index + path.Length;
        string? previous = null;
        for (var id = CitedId().Match(comment.Text, end); id.Success; id = CitedId().Match(comment.Text, end))
        {
            end = id.Index + id.Length;
            var range = id.Groups["separator"].Value.Contains('–');
            var wanted = Normalised(id.Groups["id"].Value, previous);
            foreach (var one in range && previous is not null ? Range(previous, wanted) : [wanted])
            {
                if (exists && !IdsOf(full).Contains(one))
                {
                    problems.Add(new CitationProblem(file, comment.Line, $"{path.Value} {id.Groups["id"].Value}", $"{path.Value} has no id {one}"));
                }
            }

            previous = wanted;
        }

        return end;
    }

    /// <summary>The id as <see cref="DocumentIds"/> spells it: no section sign; <c>#23</c> takes the section of the id before it.</summary>
    private static string Normalised(string id, string? previous)
    {
        if (!id.StartsWith('#'))
        {
            return id.TrimStart('§');
        }

        var section = previous is null ? "?" : previous.Split(" #")[0];
        return $"{section} {id}";
    }

    /// <summary>The ids from <paramref name="first"/> to <paramref name="last"/>, when both are one prefix and a number.</summary>
    private static IEnumerable<string> Range(string first, string last)
    {
        var from = TrailingNumber().Match(first);
        var to = TrailingNumber().Match(last);
        var prefix = first[..from.Index];
        if (!from.Success || !to.Success || prefix != last[..to.Index] || int.Parse(from.Value) > int.Parse(to.Value))
        {
            return [first, last];
        }

        var width = from.Value.Length;
        return Enumerable.Range(int.Parse(from.Value), int.Parse(to.Value) - int.Parse(from.Value) + 1)
            .Select(n => prefix + n.ToString($"D{width}", System.Globalization.CultureInfo.InvariantCulture));
    }

    private IReadOnlySet<string> IdsOf(string full)
    {
        if (!_documents.TryGetValue(full, out var ids))
        {
            ids = full.EndsWith(".md", StringComparison.Ordinal) && File.Exists(full)
                ? DocumentIds.Read(File.ReadAllText(full))
                : new HashSet<string>();
            _documents[full] = ids;
        }

        return ids;
    }

    /// <summary>A path from the repository root into docs/; a trailing full stop or comma is not part of it.</summary>
    [GeneratedRegex(@"(?<![\w/.-])docs/[\w./-]*\w")]
    private static partial Regex CitedPath();

    /// <summary>One id after a path, or after the id before it, with the separator before it.</summary>
    [GeneratedRegex(@"\G(?<separator>\s*(?:,|/|–|\band\b)\s*|\s+)(?<id>§(?:D\d+|\d+(?:\.\d+)*)(?:\s#\d+)?|#\d+|A\d\d)\b")]
    private static partial Regex CitedId();

    /// <summary>
    /// What a citation without a path looks like: a document name with the ids after it, a bare pricing rule or
    /// section D id, a section sign, an open question number.
    /// </summary>
    [GeneratedRegex(@"\b(?:SPEC|PRICING-RULES)\b(?:\s+(?:D\d+|\d+(?:\.\d+)*(?:\s#\d+)?|#\d+|A\d\d)(?:\s*(?:,|/|–|\band\b)\s*(?:D\d+|\d+(?:\.\d+)*(?:\s#\d+)?|#\d+|A\d\d))*)?|(?<![\w§#])A\d\d\b|(?<![\w§#])D\d{1,2}\b|§(?:D\d+|\d+(?:\.\d+)*)?(?:\s#\d+)?|\b\d+\s#\d+\b")]
    private static partial Regex Uncited();

    [GeneratedRegex(@"\d+$")]
    private static partial Regex TrailingNumber();
}
