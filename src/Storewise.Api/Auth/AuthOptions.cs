namespace Storewise.Api.Auth;

/// <summary>Token validation settings (docs/spec.md §D2).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>HS256 key (at least 32 bytes; base64 or plain text). Generated in the data directory when unset.</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "storewise";

    public string Audience { get; set; } = "storewise";

    /// <summary>An OpenID Connect authority; when set, its published keys validate tokens instead of <see cref="SigningKey"/>.</summary>
    public string? Authority { get; set; }

    /// <summary>Lifetime of tokens printed by the <c>token</c> command and logged at first start.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(30);
}
