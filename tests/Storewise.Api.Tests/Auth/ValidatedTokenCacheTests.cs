using System.Text;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Storewise.Api.Auth;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Auth;

/// <summary>
/// The validated-token cache (docs/decisions/0527-validated-token-cache.md): a token is checked once and then served
/// from memory until it expires or a minute passes; failures are never kept.
/// </summary>
public sealed class ValidatedTokenCacheTests
{
    private static readonly TokenValidationParameters Parameters = new()
    {
        ValidIssuer = "storewise",
        ValidAudience = "storewise",
        ClockSkew = TimeSpan.FromSeconds(30),
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ApiFixture.SigningKey)),
    };

    [Fact]
    public async Task The_same_token_is_checked_once()
    {
        var (cache, inner, _) = Create();
        var token = TokenFactory.Create();

        var first = await cache.ValidateTokenAsync(token, Parameters);
        var second = await cache.ValidateTokenAsync(token, Parameters);

        Assert.True(first.IsValid);
        Assert.Same(first, second);
        Assert.Equal(1, inner.Calls);
        Assert.Equal("t1", second.ClaimsIdentity.FindFirst("tenant")?.Value);
    }

    [Fact]
    public async Task An_invalid_token_is_checked_every_time_and_not_kept()
    {
        var (cache, inner, _) = Create();
        var token = TokenFactory.Create(key: "another-key-that-is-long-enough-0123456789");

        Assert.False((await cache.ValidateTokenAsync(token, Parameters)).IsValid);
        Assert.False((await cache.ValidateTokenAsync(token, Parameters)).IsValid);

        Assert.Equal(2, inner.Calls);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task A_kept_token_is_checked_again_after_a_minute()
    {
        var (cache, inner, clock) = Create();
        var token = TokenFactory.Create();
        await cache.ValidateTokenAsync(token, Parameters);

        clock.Advance(ValidatedTokenCache.MaxAge - TimeSpan.FromSeconds(1));
        await cache.ValidateTokenAsync(token, Parameters);
        Assert.Equal(1, inner.Calls);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await cache.ValidateTokenAsync(token, Parameters)).IsValid);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task A_token_is_not_served_from_memory_past_its_expiry()
    {
        var (cache, inner, clock) = Create();
        // Expires 20 s from now: with the 30 s skew the handler accepts it for 50 s, under the cache's minute.
        var token = TokenFactory.Create(expires: DateTime.UtcNow.AddSeconds(20));
        Assert.True((await cache.ValidateTokenAsync(token, Parameters)).IsValid);

        clock.Advance(TimeSpan.FromSeconds(51));
        await cache.ValidateTokenAsync(token, Parameters);

        Assert.Equal(2, inner.Calls);
    }

    private static (ValidatedTokenCache Cache, CountingHandler Inner, FakeTimeProvider Clock) Create()
    {
        var inner = new CountingHandler();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        return (new ValidatedTokenCache(inner, clock), inner, clock);
    }

    private sealed class CountingHandler : TokenHandler
    {
        private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

        public int Calls { get; private set; }

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Calls++;
            return _handler.ValidateTokenAsync(token, validationParameters);
        }
    }
}
