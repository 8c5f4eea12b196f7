using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Storewise.BackOffice.Forms;

/// <summary>
/// Reads a posted form back into the JSON the API takes, by the same schema that drew it. Nothing is validated here:
/// an empty input is left out, a number that does not parse is sent as the text typed, and the API's answer says
/// what is wrong (docs/decisions/1103-forms-from-the-api-contract.md).
/// </summary>
public static class FormReader
{
    /// <summary>The hidden input that carries the number of rows of a list or map.</summary>
    public const string RowsSuffix = "#rows";

    public const string KeySuffix = "#key";

    public const string ValueSuffix = "#value";

    public static JsonObject Read(SchemaShape shape, IFormCollection form)
    {
        var body = new JsonObject();
        foreach (var property in shape.Properties)
        {
            if (Value(property.Name, property.Shape, form) is { } value)
            {
                body[property.Name] = value;
            }
        }

        return body;
    }

    private static JsonNode? Value(string path, SchemaShape shape, IFormCollection form)
    {
        var name = FormField.InputPrefix + path;
        switch (shape.Kind)
        {
            case FieldKind.Object:
                var obj = new JsonObject();
                foreach (var property in shape.Properties)
                {
                    // Inside an object an empty list means none, as absent does; leaving it out keeps, say, a
                    // category free of the unused lists of the other kinds (docs/decisions/1104-category-in-the-contract.md).
                    if (Value(FieldPath.Property(path, property.Name), property.Shape, form) is { } value and not JsonArray { Count: 0 })
                    {
                        obj[property.Name] = value;
                    }
                }

                // A nested object whose inputs are all empty was not filled in: leave it out.
                return obj.Count == 0 ? null : obj;
            case FieldKind.ObjectList:
                if (!form.ContainsKey(name + RowsSuffix))
                {
                    return null;
                }

                var rows = new JsonArray();
                for (var i = 0; i < RowCount(form, name); i++)
                {
                    rows.Add(Value(FieldPath.Item(path, i), shape.Items!, form) ?? new JsonObject());
                }

                return rows;
            case FieldKind.Map:
                if (!form.ContainsKey(name + RowsSuffix))
                {
                    return null;
                }

                var map = new JsonObject();
                for (var i = 0; i < RowCount(form, name); i++)
                {
                    var key = form[$"{FormField.InputPrefix}{FieldPath.Item(path, i)}{KeySuffix}"].ToString().Trim();
                    if (key.Length > 0)
                    {
                        map[key] = Scalar(shape.Items!, form[$"{FormField.InputPrefix}{FieldPath.Item(path, i)}{ValueSuffix}"].ToString());
                    }
                }

                return map.Count == 0 ? null : map;
            case FieldKind.TextList:
                if (!form.ContainsKey(name))
                {
                    return null;
                }

                var list = new JsonArray();
                foreach (var line in form[name].ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    list.Add(Scalar(shape.Items!, line));
                }

                return list;
            case FieldKind.Json:
                var text = form[name].ToString().Trim();
                if (text.Length == 0)
                {
                    return null;
                }

                try
                {
                    return JsonNode.Parse(text);
                }
                catch (JsonException)
                {
                    // Sent as typed: the API names the field and what it expects there.
                    return JsonValue.Create(text);
                }

            default:
                var typed = form[name].ToString().Trim();
                return typed.Length == 0 ? null : Scalar(shape, typed);
        }
    }

    private static int RowCount(IFormCollection form, string name) =>
        int.TryParse(form[name + RowsSuffix], NumberStyles.None, CultureInfo.InvariantCulture, out var rows) ? Math.Min(rows, 1000) : 0;

    private static JsonNode? Scalar(SchemaShape shape, string text) => shape.Kind switch
    {
        _ when text.Length == 0 => null,
        FieldKind.Number when decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        FieldKind.Integer when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) => JsonValue.Create(whole),
        FieldKind.Boolean when bool.TryParse(text, out var flag) => JsonValue.Create(flag),
        _ => JsonValue.Create(text),
    };
}
