using System.Text;

namespace Storewise.Api.CartLog;

/// <summary>One string instance per distinct UTF-8 text read (see <see cref="BytePool{T}"/>).</summary>
public sealed class TextPool(int capacity)
{
    private readonly BytePool<string> _texts = new(capacity);

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (!_texts.TryGet(utf8, out var text))
        {
            text = Encoding.UTF8.GetString(utf8);
            _texts.Add(utf8, text);
        }

        return text;
    }
}
