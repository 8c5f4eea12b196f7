using System.Text;

namespace Storewise.Api.Tests.Hostile;

/// <summary>Named hostile CSV files: bad encodings, BOMs, line endings, quoting, empty and binary content.</summary>
public static class CsvFiles
{
    public static readonly (string Kind, byte[] Csv)[] Named =
    [
        ("empty file", []),
        ("only a header", Utf8("code\n")),
        ("only blank lines", Utf8("\n\n   \n\r\n")),
        ("UTF-8 BOM", [0xEF, 0xBB, 0xBF, .. Utf8("code\nBOM-1\nBOM-2\n")]),
        ("CRLF", Utf8("code\r\nCRLF-1\r\nCRLF-2\r\n")),
        ("CR only", Utf8("CR-1\rCR-2\r")),
        ("quoted codes", Utf8("\"QUOTED-1\"\n\"QUOTED,2\"\n\"half-open\n")),
        ("embedded commas", Utf8("A,B\nC,,\n,D\n")),
        ("Latin-1 bytes", Encoding.Latin1.GetBytes("code\nCAFÉ-1\nNAÏVE-2\nPLAIN-3\n")),
        ("UTF-16 LE with BOM", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("code\nUTF16-1\n")]),
        ("UTF-16 BE without BOM", Encoding.BigEndianUnicode.GetBytes("UTF16BE-1\n")),
        ("invalid UTF-8", [.. Utf8("BAD-"), 0xC3, 0x28, 0xFF, .. Utf8("\nGOOD-AFTER-BAD\n")]),
        ("NUL bytes", [.. Utf8("NUL-"), 0, .. Utf8("1\nNUL-OK\n\0\n")]),
        ("control characters", Utf8("BELL\u0007\nESC\u001b[31m\nTAB\tCODE\n")),
        ("PNG header", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]),
        ("unicode codes", Utf8("😀\nÜBER\n\u202eRTL\nZERO\u200BWIDTH\n")),
        ("too long code", Utf8(new string('L', 129) + "\n" + new string('K', 128) + "\n")),
        ("very long line", Utf8(new string('Q', 1_000_000) + "\nAFTER-LONG\n")),
        ("duplicates in file", Utf8("DUP-1\ndup-1\nDUP-1\n")),
    ];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
