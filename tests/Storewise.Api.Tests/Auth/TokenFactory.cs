using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Auth;

/// <summary>Hand-made tokens, good and bad, independent of the service's own issuer.</summary>
public static class TokenFactory
{
    public static string Create(
        string? tenant = "t1",
        string scope = "promotions:read promotions:write config:read config:write",
        string key = ApiFixture.SigningKey,
        string issuer = "storewise",
        string audience = "storewise",
        DateTime? expires = null,
        string algorithm = SecurityAlgorithms.HmacSha256)
    {
        var claims = new List<Claim> { new("sub", "user-1"), new("scope", scope) };
        if (tenant is not null)
        {
            claims.Add(new Claim("tenant", tenant));
        }

        var now = DateTime.UtcNow;
        var expiry = expires ?? now.AddHours(1);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = expiry < now ? expiry.AddHours(-1) : now,
            IssuedAt = expiry < now ? expiry.AddHours(-1) : now,
            Expires = expiry,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), algorithm),
        };
        var handler = new JwtSecurityTokenHandler();
        return handler.WriteToken(handler.CreateToken(descriptor));
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise valid claims.</summary>
    public static string Unsigned(string tenant = "t1")
    {
        static string B64(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var header = B64("""{"alg":"none","typ":"JWT"}""");
        var payload = B64($$"""{"tenant":"{{tenant}}","sub":"u","scope":"promotions:read","iss":"storewise","aud":"storewise","exp":{{exp}}}""");
        return $"{header}.{payload}.";
    }
}
