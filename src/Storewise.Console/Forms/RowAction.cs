using System.Text.Json.Nodes;

namespace Storewise.BackOffice.Forms;

/// <summary>
/// Adding or removing a row of a list or map without script: the button posts the form with
/// <c>_row=add|path</c> or <c>_row=remove|path[i]</c>, the form is read and drawn again with the change.
/// </summary>
public static class RowAction
{
    public const string FieldName = "_row";

    public static string Add(string path) => "add|" + path;

    public static string Remove(string rowPath) => "remove|" + rowPath;

    /// <summary>Draws the posted values again, unchanged (a cart loaded from the browser's storage).</summary>
    public const string Redraw = "redraw|";

    /// <summary>Applies the posted action to <paramref name="body"/>; false when the post was not a row action.</summary>
    public static bool TryApply(string? action, JsonObject body)
    {
        if (string.IsNullOrEmpty(action))
        {
            return false;
        }

        var parts = action.Split('|', 2);
        if (parts.Length != 2)
        {
            return false;
        }

        if (parts[0] == "redraw")
        {
            return true;
        }

        if (parts[0] == "add")
        {
            FieldPath.ArrayAt(body, parts[1])?.Add(new JsonObject());
            return true;
        }

        if (parts[0] == "remove" && parts[1].EndsWith(']'))
        {
            var open = parts[1].LastIndexOf('[');
            if (open > 0 && int.TryParse(parts[1][(open + 1)..^1], out var index) && FieldPath.ArrayAt(body, parts[1][..open]) is { } rows && index < rows.Count)
            {
                rows.RemoveAt(index);
            }

            return true;
        }

        return false;
    }
}
