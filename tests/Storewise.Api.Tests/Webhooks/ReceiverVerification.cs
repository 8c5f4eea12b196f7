using System.Security.Cryptography;
using System.Text;

namespace Storewise.Api.Tests.Webhooks;

/// <summary>
/// The verification docs/events.md tells receivers to do, written from the document rather than from the service's
/// code: HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c> with the Base64-decoded part of the secret after
/// <c>whsec_</c>, compared in constant time with each <c>v1,</c> signature of the header.
/// </summary>
public static class ReceiverVerification
{
    public static bool IsAuthentic(string secret, ReceivedWebhook received)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{received.Id}.{received.Timestamp}.{received.Body}")));
        return received.Signature.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s.StartsWith("v1,", StringComparison.Ordinal))
            .Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s[3..]), Encoding.ASCII.GetBytes(expected)));
    }
}
