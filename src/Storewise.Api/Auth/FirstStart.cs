namespace Storewise.Api.Auth;

/// <summary>Whether this start generated the signing key (then a ready token is logged once).</summary>
public sealed record FirstStart(bool GeneratedSigningKey);
