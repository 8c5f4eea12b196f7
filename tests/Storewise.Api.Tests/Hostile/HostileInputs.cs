using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace Storewise.Api.Tests.Hostile;

/// <summary>
/// One generated hostile request: how to turn a valid sample body into the bytes sent, the content type, and
/// optionally a hostile value for a path parameter or a hostile query string. <see cref="Kind"/> names it in
/// failure reports.
/// </summary>
public sealed record HostileInput(string Kind, Func<JsonNode?, byte[]?> Body, string ContentType = "application/json", string? PathValue = null, string Query = "")
{
    public bool Chunked { get; init; }
}

/// <summary>FsCheck generators of hostile requests (seeded, so a failure is reproducible from the printed seed).</summary>
public static class HostileInputs
{
    public const int TenMegabytes = 10 * 1024 * 1024;

    /// <summary>Values put in place of a field: wrong types, nulls, huge and fractional numbers, bad dates, odd text.</summary>
    public static readonly string[] Leaves =
    [
        "null", "true", "false", "0", "-1", "0.5", "-0.5", "1.001", "19.999", "1e400", "-1e400", "1e-400",
        "99999999999999999999999999999", "2147483648", "9223372036854775808", "-9223372036854775809", "1E+2", "-0",
        "\"\"", "\" \"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\u202eevil\"", "\"\\u0007\\u001b[31m\"", "\"😀🙃\"", "\"\\ud800\"",
        "\"2023-13-45T99:00:00\"", "\"2023-02-30T00:00:00Z\"", "\"2023-01-01T00:00:00+25:00\"", "\"2023-01-01T00:00:00 Europe/Berlin\"",
        "\"9999-12-31T23:59:59.9999999+14:00\"", "\"0000-01-01T00:00:00Z\"", "\"-1\"", "\"NaN\"", "\"Infinity\"", "\"1.001\"",
        "\"' OR 1=1 --\"", "\"<script>alert(1)</script>\"", "\"../../etc/passwd\"", "\"%s%n%x\"", "\"ÄÖÜ ß İı ǅ\"",
        "[]", "{}", "[null]", "[1,2,3]", "{\"a\":{\"b\":null}}", "[\"\"]", "[{}]",
        "\"" + new string('x', 100_000) + "\"",
        "\"" + string.Concat(Enumerable.Repeat("ü\\u0001", 5_000)) + "\"",
        "[" + string.Join(',', Enumerable.Range(0, 10_000)) + "]",
    ];

    /// <summary>Values put in place of a path parameter (no NUL: the test host refuses to send one; Kestrel answers 400 itself).</summary>
    public static readonly string[] PathValues =
    [
        "x", "0", "-1", "00000000-0000-0000-0000-000000000000", "%", "%00", "..", "../../etc/passwd", "a/b",
        "' OR '1'='1", "😀", "\u202e", " ", "tppe2", "TPPE", new string('9', 40), new string('a', 5_000), "null", "undefined",
        "ü\u0001\u001f", "<>", "{id}", "$where",
    ];

    /// <summary>Query strings with hostile paging and flags.</summary>
    public static readonly string[] Queries =
    [
        "?count=-1&page=1", "?count=0&page=1", "?count=151&page=1", "?count=1e9&page=1", "?count=abc&page=1", "?count=10&page=0",
        "?count=10&page=99999999999", "?count=10&page=2147483647", "?count=1&count=2&page=1", "?count=%00&page=1", "?count=10&page=1&explain=maybe",
        "?count=10&page=1&active=maybe", "?count=10&page=1&validFrom=2023-13-45", "?count=10&page=1&kind=%F0%9F%98%80", "?count=+5&page=1",
        "?count=5.5&page=1", "?count=10&page=-0", "?" + new string('a', 6_000), "?count=10&page=1&name=%27%20OR%201%3D1",
    ];

    private static readonly (string Kind, Func<JsonNode?, byte[]> Body)[] Junk =
    [
        ("empty", _ => []),
        ("whitespace", _ => Utf8("   \n")),
        ("null", _ => Utf8("null")),
        ("array", _ => Utf8("[]")),
        ("empty object", _ => Utf8("{}")),
        ("string", _ => Utf8("\"text\"")),
        ("number", _ => Utf8("42")),
        ("open brace", _ => Utf8("{")),
        ("close brace", _ => Utf8("}")),
        ("dangling member", _ => Utf8("{\"a\":")),
        ("single quotes", _ => Utf8("{'a':1}")),
        ("bare names", _ => Utf8("{a:1}")),
        ("trailing comma", s => Utf8(Text(s).TrimEnd('}') + ",}")),
        ("comment", s => Utf8("/* c */ " + Text(s))),
        ("NaN literal", _ => Utf8("{\"a\":NaN}")),
        ("trailing garbage", s => Utf8(Text(s) + "}{")),
        ("two documents", s => Utf8(Text(s) + Text(s))),
        ("deep arrays", _ => Utf8(new string('[', 10_000) + new string(']', 10_000))),
        ("deep objects", _ => Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000))),
        ("deep arrays unclosed", _ => Utf8(new string('[', 10_000))),
        ("duplicate keys", s => Utf8(DuplicateFirstKey(Text(s)))),
        ("invalid UTF-8 in a string", s => SpliceBytes(Text(s), [0xC3, 0x28, 0xFF, 0xFE])),
        ("overlong UTF-8", s => SpliceBytes(Text(s), [0xC0, 0xAF])),
        ("UTF-16 body", s => Encoding.Unicode.GetBytes(Text(s))),
        ("BOM then body", s => [0xEF, 0xBB, 0xBF, .. Utf8(Text(s))]),
        ("NUL bytes", s => [0, 0, .. Utf8(Text(s))]),
        ("binary", _ => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    ];

    /// <summary>Hostile requests for an operation with a JSON body (the sample tells the shape).</summary>
    public static Gen<HostileInput> ForJsonBody(bool hasPathParameters)
    {
        var mutation = Gen.Choose(0, 10_000).SelectMany(target => Gen.Elements(Leaves).SelectMany(leaf =>
            Gen.Elements("replace", "replace", "replace", "drop", "wrap in array", "add unknown member").Select(kind =>
                new HostileInput($"{kind} a field", sample => Utf8(Mutate(sample, kind, target, leaf))))));
        var junk = Gen.Elements(Junk).Select(j => new HostileInput(j.Kind, j.Body));
        var truncated = Gen.Choose(1, 99).Select(percent => new HostileInput("truncated", sample =>
        {
            var text = Text(sample);
            return Utf8(text[..Math.Max(1, text.Length * percent / 100)]);
        }));
        var wrongType = Gen.Elements("text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data").Select(type =>
            new HostileInput("wrong content type", sample => Utf8(Text(sample)), type));
        var generators = new List<(int, Gen<HostileInput>)> { (12, mutation), (5, junk), (2, truncated), (1, wrongType) };
        if (hasPathParameters)
        {
            generators.Add((2, Gen.Elements(PathValues).Select(v => new HostileInput("hostile path value", sample => Utf8(Text(sample)), PathValue: v))));
        }

        return Gen.Frequency(generators);
    }

    /// <summary>Hostile requests for an operation without a body: path values, queries, and junk bodies it must ignore or refuse.</summary>
    public static Gen<HostileInput> ForBodiless(bool hasPathParameters, bool sendsBody)
    {
        var generators = new List<(int, Gen<HostileInput>)>
        {
            (3, Gen.Elements(Queries).Select(q => new HostileInput("hostile query", _ => null, Query: q))),
        };
        if (hasPathParameters)
        {
            generators.Add((4, Gen.Elements(PathValues).Select(v => new HostileInput("hostile path value", _ => null, PathValue: v))));
        }

        if (sendsBody)
        {
            generators.Add((2, Gen.Elements(Junk).Select(j => new HostileInput("unexpected body: " + j.Kind, j.Body))));
        }

        return Gen.Frequency(generators);
    }

    /// <summary>Hostile CSV files for the import route, as raw bytes (wrapped in multipart by the sender).</summary>
    public static Gen<(string Kind, byte[] Csv)> Csv()
    {
        var randomBytes = Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)).Select(bytes => ("random bytes", bytes));
        var lines = Gen.Elements("\n", "\r\n", "\r").SelectMany(newline =>
            Gen.ListOf(Gen.Elements(CsvLines)).Select(l => ("generated lines", Utf8(string.Join(newline, l)))));
        return Gen.Frequency((2, randomBytes), (5, lines), (2, Gen.Elements(CsvFiles.Named)));
    }

    private static readonly string[] CsvLines =
    [
        "code", "CODE", "VALID-1", "valid_2", "  padded  ", "", "   ", "a,b", "\"quoted\"", "\"half", "\"embedded, comma\"", "\"\"\"\"",
        "ü-umlaut", "😀", "\u0000", "a\u0000b", "tab\there", new string('x', 129), new string('y', 128), "%_@&!-", "' OR 1=1 --", ",,,",
        "\u202eRTL", "ZERO\u200BWIDTH",
    ];

    /// <summary>
    /// Replaces, drops or wraps one node of the sample (chosen by <paramref name="target"/>). The hostile value is
    /// spliced in as raw text, so values no JSON library would write (lone surrogates, 1e400) reach the server.
    /// </summary>
    public static string Mutate(JsonNode? sample, string kind, int target, string leaf)
    {
        const string Placeholder = "__hostile_leaf_7f3a__";
        var root = sample?.DeepClone() ?? new JsonObject();
        var nodes = Descendants(root).ToList();
        if (nodes.Count == 0 || kind == "add unknown member")
        {
            if (root is JsonObject rootObject)
            {
                rootObject["unknownMember" + target] = Placeholder;
            }

            return Splice(root, Placeholder, leaf);
        }

        var node = nodes[target % nodes.Count];
        JsonNode? replacement = kind == "wrap in array" ? new JsonArray(node.DeepClone()) : JsonValue.Create(Placeholder);
        switch (node.Parent)
        {
            case JsonObject obj:
                var name = obj.First(p => ReferenceEquals(p.Value, node)).Key;
                if (kind == "drop")
                {
                    obj.Remove(name);
                }
                else
                {
                    obj[name] = replacement;
                }

                break;
            case JsonArray array:
                var index = array.IndexOf(node);
                if (kind == "drop")
                {
                    array.RemoveAt(index);
                }
                else
                {
                    array[index] = replacement;
                }

                break;
        }

        return Splice(root, Placeholder, leaf);
    }

    private static string Splice(JsonNode root, string placeholder, string leaf) =>
        root.ToJsonString().Replace($"\"{placeholder}\"", leaf, StringComparison.Ordinal);

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children)
        {
            if (child is null)
            {
                continue;
            }

            yield return child;
            foreach (var grandchild in Descendants(child))
            {
                yield return grandchild;
            }
        }
    }

    private static string DuplicateFirstKey(string json)
    {
        var node = JsonNode.Parse(json) as JsonObject;
        if (node is null || node.Count == 0)
        {
            return "{\"a\":1,\"a\":2}";
        }

        var first = node.First();
        return "{" + $"\"{first.Key}\":{first.Value?.ToJsonString() ?? "null"}," + json.TrimStart()[1..];
    }

    private static byte[] SpliceBytes(string json, byte[] bytes)
    {
        var text = Utf8(json);
        var at = Array.IndexOf(text, (byte)'"', 2);
        at = at < 0 ? text.Length / 2 : at + 1;
        return [.. text[..at], .. bytes, .. text[at..]];
    }

    public static string Text(JsonNode? sample) => sample?.ToJsonString() ?? "{}";

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
