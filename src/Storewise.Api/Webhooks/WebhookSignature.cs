using System.Security.Cryptography;
using System.Text;

namespace Storewise.Api.Webhooks;

/// <summary>
/// Standard Webhooks signatures (docs/events.md): <c>v1,</c> and the Base64 HMAC-SHA256 of
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c>, keyed with the Base64 part of the <c>whsec_</c> secret.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }

    /// <summary>
    /// What a receiver does: recompute the signature and compare it in constant time with each space-separated
    /// signature of the header, and refuse timestamps more than <paramref name="tolerance"/> away from now.
    /// </summary>
    public static bool Verify(string secret, string id, string timestamp, string body, string signatureHeader, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, id, seconds, body));
        return signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), expected));
    }
}
