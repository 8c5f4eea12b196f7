namespace Storewise.Api.Carts;

/// <summary>An offer row's type and version token (<c>offers.type</c>, <c>offers.version</c>): every write of the row changes the token.</summary>
public readonly record struct StoredOfferVersion(string Type, string Version);
