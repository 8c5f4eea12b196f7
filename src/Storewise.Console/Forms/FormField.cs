namespace Storewise.BackOffice.Forms;

/// <summary>
/// One field of a drawn form: where it is (its API path, also its input name), how it is labelled and explained,
/// its current value (scalars as text, objects as children, lists as rows, maps as entries) and its errors.
/// </summary>
public sealed class FormField(string path, string label, SchemaShape shape, bool required)
{
    public const string InputPrefix = "f.";

    public string Path { get; } = path;

    public string Label { get; } = label;

    public SchemaShape Shape { get; } = shape;

    public bool Required { get; } = required;

    public string InputName => InputPrefix + Path;

    /// <summary>An id safe in HTML for labels and error references.</summary>
    public string InputId => "f-" + new string([.. Path.Select(c => char.IsLetterOrDigit(c) ? c : '-')]);

    public string ErrorId => InputId + "-error";

    public string HelpId => InputId + "-help";

    public string Text { get; set; } = "";

    public List<FormField> Children { get; } = [];

    public List<(string Key, string Value)> Entries { get; } = [];

    public List<string> Errors { get; } = [];

    public bool Hidden { get; init; }

    public IEnumerable<FormField> SelfAndDescendants() => Children.SelfAndDescendants(this);
}

internal static class FormFieldTree
{
    public static IEnumerable<FormField> SelfAndDescendants(this List<FormField> children, FormField self)
    {
        yield return self;
        foreach (var child in children)
        {
            foreach (var field in child.SelfAndDescendants())
            {
                yield return field;
            }
        }
    }
}
