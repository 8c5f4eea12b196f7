namespace Storewise.Api.CartLog;

/// <summary>
/// One page of a replay's log (docs/decisions/0711-compact-cart-log.md): the stored bytes of its rows side by side
/// in one buffer that is kept from page to page, read into carts one at a time as they are priced. A page of parsed
/// carts held while it is priced outlived collections and cost more in garbage collection than its parsing.
/// </summary>
public sealed class LoggedCartPage
{
    private readonly List<(LogPosition Position, int Offset, int Length)> _rows = [];
    private byte[] _bytes = new byte[1 << 20];
    private int _used;

    public int Count => _rows.Count;

    public LogPosition this[int index] => _rows[index].Position;

    public void Clear()
    {
        _rows.Clear();
        _used = 0;
    }

    /// <summary>Adds a row: its position and its stored cart, read to the end of <paramref name="stored"/>.</summary>
    public void Add(LogPosition position, Stream stored)
    {
        var offset = _used;
        while (true)
        {
            if (_bytes.Length - _used < 4096)
            {
                Array.Resize(ref _bytes, _bytes.Length * 2);
            }

            var read = stored.Read(_bytes, _used, _bytes.Length - _used);
            if (read == 0)
            {
                break;
            }

            _used += read;
        }

        _rows.Add((position, offset, _used - offset));
    }

    /// <summary>The stored cart of row <paramref name="index"/>, as stored.</summary>
    public ReadOnlySpan<byte> Stored(int index)
    {
        var (_, offset, length) = _rows[index];
        return _bytes.AsSpan(offset, length);
    }

    /// <summary>Reads row <paramref name="index"/>'s cart, its short texts from <paramref name="texts"/>.</summary>
    public LoggedCart Read(int index, TextPool texts) => LoggedCart.Parse(Stored(index), texts);

    /// <summary>The coupon codes every cart of the page sent (with repeats).</summary>
    public List<string> CouponCodes()
    {
        var codes = new List<string>();
        for (var i = 0; i < _rows.Count; i++)
        {
            var stored = Stored(i);
            if (CompactCart.Is(stored))
            {
                CompactCart.ReadCodes(stored, codes);
            }
            else
            {
                codes.AddRange(LoggedCart.Parse(stored).Cart.CouponCodes);
            }
        }

        return codes;
    }
}
