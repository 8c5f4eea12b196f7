using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Storewise.Api.Codes;

namespace Storewise.Api.Imports;

/// <summary>
/// Reads an uploaded CSV of codes record by record (never the whole file): UTF-8 with or without BOM, LF or
/// CRLF, one code per line, an optional first line <c>code</c>, blank lines skipped, whitespace trimmed.
/// </summary>
public static class CsvCodeReader
{
    /// <summary>Longest code text kept for the error report of an unusable line.</summary>
    private const int MaxReportedLength = 200;

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        HasHeaderRecord = false,
        IgnoreBlankLines = true,
        TrimOptions = TrimOptions.Trim,
        BadDataFound = null,
        DetectDelimiter = false,
        Delimiter = ",",
        BufferSize = ReadBufferSize,
    };

    /// <summary>Characters read from the upload at a time: fewer, larger reads through the multipart stream.</summary>
    private const int ReadBufferSize = 64 * 1024;

    public static async IAsyncEnumerable<ParsedCode> ReadAsync(Stream csv, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(csv, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, bufferSize: ReadBufferSize);
        using var parser = new CsvParser(reader, Configuration);
        var first = true;
        while (await parser.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fields = parser.Record ?? [];
            if (Array.TrueForAll(fields, f => f.Length == 0))
            {
                continue; // a line of whitespace or bare commas
            }

            var line = parser.RawRow;
            if (first)
            {
                first = false;
                if (fields.Length == 1 && string.Equals(fields[0], "code", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
            }

            if (fields.Length != 1)
            {
                yield return new ParsedCode(line, Shorten(parser.RawRecord.Trim()), ImportErrorReason.NotOneCode);
                continue;
            }

            var code = fields[0];
            yield return CodeText.Problem(code) is null
                ? new ParsedCode(line, code, null)
                : new ParsedCode(line, Shorten(code), ImportErrorReason.InvalidCode);
        }
    }

    /// <summary>The text kept for the error report: shortened, and without NUL, which PostgreSQL text cannot hold.</summary>
    private static string Shorten(string text) => (text.Length <= MaxReportedLength ? text : text[..MaxReportedLength]).Replace('\0', '\uFFFD');
}
