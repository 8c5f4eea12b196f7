using System.Text;

namespace Storewise.BackOffice.Forms;

/// <summary>Labels from property names: <c>minimumCartValue</c> and <c>session_update_url</c> read "Minimum cart value" and "Session update url".</summary>
public static class FieldLabels
{
    public static string For(string propertyName)
    {
        var text = new StringBuilder(propertyName.Length + 8);
        for (var i = 0; i < propertyName.Length; i++)
        {
            var c = propertyName[i];
            if (c is '_' or '-')
            {
                text.Append(' ');
                continue;
            }

            if (char.IsUpper(c) && i > 0 && !char.IsUpper(propertyName[i - 1]))
            {
                text.Append(' ');
            }

            text.Append(text.Length == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
