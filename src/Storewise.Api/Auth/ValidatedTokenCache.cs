using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace Storewise.Api.Auth;

/// <summary>
/// Remembers the tokens <paramref name="inner"/> found valid, keyed by the token text, so a client that sends the
/// same bearer token on every request pays for its signature check and parse once a minute instead of every time
/// (docs/decisions/0527-validated-token-cache.md). An entry lasts until the token expires (with the allowed clock
/// skew) or <see cref="MaxAge"/> passes, whichever is first; only valid results are kept, and at most
/// <see cref="Capacity"/> of them, so tokens that fail cannot fill it.
/// </summary>
/// <remarks>
/// The token handler checks lifetimes against the system clock, so this does too, whatever clock the service runs
/// on. The cached result (and its identity) is shared by the requests that hit it; nothing in the service changes
/// an authenticated identity.
/// </remarks>
public sealed class ValidatedTokenCache(TokenHandler inner, TimeProvider systemClock) : TokenHandler
{
    public const int Capacity = 4096;

    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = systemClock.GetUtcNow();
        if (_entries.TryGetValue(token, out var entry))
        {
            if (now < entry.Until)
            {
                return entry.Result;
            }

            _entries.TryRemove(KeyValuePair.Create(token, entry));
        }

        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { } validated)
        {
            var until = new DateTimeOffset(DateTime.SpecifyKind(validated.ValidTo, DateTimeKind.Utc)) + validationParameters.ClockSkew;
            Remember(token, new Entry(result, until < now + MaxAge ? until : now + MaxAge), now);
        }

        return result;
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    private void Remember(string token, Entry entry, DateTimeOffset now)
    {
        if (_entries.Count >= Capacity)
        {
            foreach (var (key, old) in _entries)
            {
                if (old.Until <= now)
                {
                    _entries.TryRemove(KeyValuePair.Create(key, old));
                }
            }

            if (_entries.Count >= Capacity)
            {
                return;
            }
        }

        _entries[token] = entry;
    }

    private sealed record Entry(TokenValidationResult Result, DateTimeOffset Until);
}
