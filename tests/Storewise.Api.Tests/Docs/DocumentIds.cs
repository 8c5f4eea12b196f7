using System.Text.RegularExpressions;

namespace Storewise.Api.Tests.Docs;

/// <summary>
/// The ids a Markdown document offers to citations (docs/README.md): the id a heading starts with (a section
/// number, a section D point, a pricing rule), and the number of each numbered table row of a numbered section,
/// written after that section's number and a hash sign.
/// </summary>
internal static partial class DocumentIds
{
    public static IReadOnlySet<string> Read(string markdown)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        string? section = null;
        foreach (var line in markdown.Split('\n'))
        {
            var heading = Heading().Match(line);
            if (heading.Success)
            {
                var id = heading.Groups["id"].Value;
                if (id.Length > 0)
                {
                    ids.Add(id);
                }

                if (heading.Groups["level"].Length == 2)
                {
                    section = id.Length > 0 ? id : null;
                }

                continue;
            }

            var row = NumberedRow().Match(line);
            if (row.Success && section is not null)
            {
                ids.Add($"{section} #{row.Groups["number"].Value}");
            }
        }

        return ids;
    }

    [GeneratedRegex(@"^(?<level>#{1,6})\s+(?:(?<id>D\d+|A\d{2}|\d+(?:\.\d+)*)(?=[.\s:]|$))?")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\|\s*(?<number>\d+)\s*\|")]
    private static partial Regex NumberedRow();
}
