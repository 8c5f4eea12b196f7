namespace Storewise.Api.Offers;

/// <summary>The case-insensitive form of a name used for uniqueness and the <c>name</c> filter (<c>offers.name_key</c>).</summary>
public static class NameKeys
{
    public static string For(string name) => name.ToUpperInvariant();
}
