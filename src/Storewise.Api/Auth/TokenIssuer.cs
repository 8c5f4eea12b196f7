using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace Storewise.Api.Auth;

/// <summary>Signs HS256 tokens with the service's own key (the <c>token</c> command, first-start token, tests).</summary>
public sealed class TokenIssuer(SymmetricSecurityKey key, AuthOptions options, TimeProvider clock)
{
    public string Issue(string tenant, string user, string scope, TimeSpan? lifetime = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? options.TokenLifetime),
            Subject = new ClaimsIdentity(
            [
                new Claim(RequestUser.TenantClaim, tenant),
                new Claim(RequestUser.SubjectClaim, user),
                new Claim(RequestUser.ScopeClaim, scope),
            ]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        };
        var handler = new JwtSecurityTokenHandler();
        return handler.WriteToken(handler.CreateToken(descriptor));
    }
}
