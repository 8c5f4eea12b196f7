using System.Globalization;
using System.Text.Json.Nodes;

namespace Storewise.BackOffice.Forms;

/// <summary>
/// A field's path as the API names it in its errors (<c>tiers[1].minimumCartValue</c>): the input names of the forms,
/// and the way from an error to the input it belongs to.
/// </summary>
public static class FieldPath
{
    public static string Property(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    public static string Item(string parent, int index) => $"{parent}[{index.ToString(CultureInfo.InvariantCulture)}]";

    /// <summary>Whether <paramref name="path"/> is <paramref name="ancestor"/> or lies inside it.</summary>
    public static bool IsWithin(string path, string ancestor) =>
        path.Length == ancestor.Length
            ? string.Equals(path, ancestor, StringComparison.Ordinal)
            : path.Length > ancestor.Length && path.StartsWith(ancestor, StringComparison.Ordinal) && path[ancestor.Length] is '.' or '[';

    /// <summary>The names and indexes of a path: <c>a[1].b</c> is <c>a</c>, 1, <c>b</c>.</summary>
    public static IReadOnlyList<object> Segments(string path)
    {
        var segments = new List<object>();
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            if (name.Length > 0)
            {
                segments.Add(name);
            }

            while (bracket >= 0)
            {
                var end = part.IndexOf(']', bracket);
                if (end < 0 || !int.TryParse(part.AsSpan(bracket + 1, end - bracket - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    break;
                }

                segments.Add(index);
                bracket = part.IndexOf('[', end);
            }
        }

        return segments;
    }

    /// <summary>The array at <paramref name="path"/> inside <paramref name="root"/>, made (with its parents) when missing.</summary>
    public static JsonArray? ArrayAt(JsonObject root, string path)
    {
        JsonNode current = root;
        var segments = Segments(path);
        for (var i = 0; i < segments.Count; i++)
        {
            var last = i == segments.Count - 1;
            switch (segments[i], current)
            {
                case (string name, JsonObject obj):
                    if (obj[name] is null)
                    {
                        obj[name] = last ? new JsonArray() : segments[i + 1] is int ? new JsonArray() : new JsonObject();
                    }

                    current = obj[name]!;
                    break;
                case (int index, JsonArray array) when index < array.Count && array[index] is not null:
                    current = array[index]!;
                    break;
                default:
                    return null;
            }
        }

        return current as JsonArray;
    }
}
