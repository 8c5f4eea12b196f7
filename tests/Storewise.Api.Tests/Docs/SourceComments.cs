namespace Storewise.Api.Tests.Docs;

/// <summary>
/// The comments of a C# source, line by line. Strings (regular, verbatim, interpolated, raw) and character literals
/// are skipped so that <c>"http://..."</c> or <c>"// x"</c> in code is not taken for a comment.
/// </summary>
internal static class SourceComments
{
    public static IReadOnlyList<CommentLine> Read(string source)
    {
        var comments = new List<CommentLine>();
        var line = 1;
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            var next = i + 1 < source.Length ? source[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                var end = source.IndexOf('\n', i);
                end = end < 0 ? source.Length : end;
                comments.Add(new CommentLine(line, source[i..end].TrimStart('/').TrimEnd('\r')));
                i = end;
            }
            else if (c == '/' && next == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? source.Length : end;
                foreach (var part in source[(i + 2)..end].Split('\n'))
                {
                    comments.Add(new CommentLine(line, part.TrimEnd('\r')));
                    line++;
                }

                line--;
                i = Math.Min(end + 2, source.Length);
            }
            else if (c == '\'')
            {
                i = SkipCharacter(source, i);
            }
            else if (StringStart(source, i) is { } quote)
            {
                var end = SkipString(source, i, quote);
                line += source.AsSpan(i, end - i).Count('\n');
                i = end;
            }
            else
            {
                if (c == '\n')
                {
                    line++;
                }

                i++;
            }
        }

        return comments;
    }

    /// <summary>Where the opening quote is when a string literal (with any <c>$</c>/<c>@</c> prefix) starts at <paramref name="i"/>.</summary>
    private static int? StringStart(string source, int i)
    {
        var j = i;
        while (j < source.Length && (source[j] == '$' || source[j] == '@'))
        {
            j++;
        }

        return j < source.Length && source[j] == '"' && (j == i || !IsIdentifierPart(source, i - 1)) ? j : null;
    }

    private static bool IsIdentifierPart(string source, int i) => i >= 0 && (char.IsLetterOrDigit(source[i]) || source[i] == '_');

    /// <summary>The index just after the string literal whose prefix starts at <paramref name="start"/>.</summary>
    private static int SkipString(string source, int start, int quote)
    {
        var quotes = 0;
        while (quote + quotes < source.Length && source[quote + quotes] == '"')
        {
            quotes++;
        }

        if (quotes >= 3)
        {
            // Raw string: it ends at the first run of as many quotes as opened it.
            var end = source.IndexOf(new string('"', quotes), quote + quotes, StringComparison.Ordinal);
            return end < 0 ? source.Length : end + quotes;
        }

        if (quotes == 2)
        {
            return quote + 2; // the empty string
        }

        var verbatim = source.AsSpan(start, quote - start).Contains('@');
        for (var i = quote + 1; i < source.Length; i++)
        {
            var c = source[i];
            if (verbatim && c == '"')
            {
                if (i + 1 < source.Length && source[i + 1] == '"')
                {
                    i++;
                    continue;
                }

                return i + 1;
            }

            if (!verbatim && c == '\\')
            {
                i++;
            }
            else if (!verbatim && (c == '"' || c == '\n'))
            {
                return i + 1;
            }
        }

        return source.Length;
    }

    private static int SkipCharacter(string source, int start)
    {
        var i = start + 1;
        i += i < source.Length && source[i] == '\\' ? 2 : 1;
        var end = i < source.Length ? source.IndexOf('\'', i) : -1;
        return end < 0 ? source.Length : end + 1;
    }
}
