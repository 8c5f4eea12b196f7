using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Storewise.BackOffice.Forms;

/// <summary>
/// Draws a request schema as fields filled with a JSON value, and puts each API error on the field it names, or on
/// the nearest field that contains it (<c>category.discount</c> on the category, <c>currencies[3]</c> on the
/// currencies when that row is not drawn). Errors no field contains are the form's own.
/// </summary>
public static class FormBuilder
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static FormModel Build(SchemaShape shape, JsonObject? value, FieldErrors errors, IReadOnlySet<string>? hidden = null)
    {
        var fields = new List<FormField>();
        foreach (var property in shape.Properties)
        {
            fields.Add(Field(property.Name, FieldLabels.For(property.Name), property.Shape, property.Required, value?[property.Name], hidden?.Contains(property.Name) == true));
        }

        var all = fields.SelectMany(f => f.SelfAndDescendants()).ToList();
        var formErrors = new List<string>();
        foreach (var error in errors.Errors)
        {
            var owner = error.Path is null
                ? null
                : all.Where(f => !f.Hidden && FieldPath.IsWithin(error.Path, f.Path)).MaxBy(f => f.Path.Length);
            if (owner is null)
            {
                formErrors.Add(error.Path is null ? error.Problem : $"{error.Path}: {error.Problem}");
            }
            else
            {
                owner.Errors.Add(owner.Path == error.Path ? error.Problem : $"{error.Path}: {error.Problem}");
            }
        }

        return new FormModel(fields, formErrors);
    }

    private static FormField Field(string path, string label, SchemaShape shape, bool required, JsonNode? value, bool hidden = false)
    {
        var field = new FormField(path, label, shape, required) { Hidden = hidden };
        switch (shape.Kind)
        {
            case FieldKind.Object:
                foreach (var property in shape.Properties)
                {
                    field.Children.Add(Field(FieldPath.Property(path, property.Name), FieldLabels.For(property.Name), property.Shape, property.Required, value?[property.Name]));
                }

                break;
            case FieldKind.ObjectList:
                if (value is JsonArray rows)
                {
                    for (var i = 0; i < rows.Count; i++)
                    {
                        var row = Field(FieldPath.Item(path, i), $"{label} {i + 1}", shape.Items!, false, rows[i]);
                        field.Children.Add(row);
                    }
                }

                break;
            case FieldKind.Map:
                if (value is JsonObject entries)
                {
                    foreach (var (key, entry) in entries)
                    {
                        field.Entries.Add((key, Scalar(entry)));
                    }
                }

                break;
            case FieldKind.TextList:
                field.Text = value is JsonArray items ? string.Join('\n', items.Select(Scalar)) : Scalar(value);
                break;
            case FieldKind.Json:
                field.Text = value is null ? "" : value.ToJsonString(Indented);
                break;
            default:
                field.Text = Scalar(value);
                break;
        }

        return field;
    }

    private static string Scalar(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        JsonValue v when v.TryGetValue<bool>(out var flag) => flag ? "true" : "false",
        JsonValue v when v.TryGetValue<decimal>(out var number) => number.ToString(CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };
}

/// <summary>A drawn form: its top-level fields and the errors that belong to no field.</summary>
public sealed record FormModel(IReadOnlyList<FormField> Fields, IReadOnlyList<string> FormErrors)
{
    public bool HasErrors => FormErrors.Count > 0 || Fields.SelectMany(f => f.SelfAndDescendants()).Any(f => f.Errors.Count > 0);
}
