using System.Runtime.CompilerServices;

namespace Storewise.Api.Simulations;

/// <summary>
/// Compares strings by reference: for keys that are known to be the same instance whenever they are equal in a
/// given run (the ids of compiled offers), a hit costs a pointer comparison. Equal strings of other instances are
/// different keys, so a caller falls back to an ordinal dictionary on a miss.
/// </summary>
public sealed class IdentityComparer : IEqualityComparer<string>
{
    public static IdentityComparer Instance { get; } = new();

    public bool Equals(string? x, string? y) => ReferenceEquals(x, y);

    public int GetHashCode(string obj) => RuntimeHelpers.GetHashCode(obj);
}
