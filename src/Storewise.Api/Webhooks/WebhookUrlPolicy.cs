using System.Net;

namespace Storewise.Api.Webhooks;

/// <summary>
/// Which URLs an endpoint may have: absolute, <c>https</c> (or <c>http</c> when allowed), no credentials in it, and
/// not a literal address in a refused range. Host names are checked again at connect time
/// (<see cref="OutboundConnector"/>), because what a name resolves to can change after it was accepted.
/// </summary>
public static class WebhookUrlPolicy
{
    public const int MaxLength = 2048;

    /// <summary>Null when <paramref name="url"/> is acceptable, otherwise why not.</summary>
    public static string? Check(string? url, WebhookOptions options)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "is required";
        }

        if (url.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return "must be an absolute URL";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(options.AllowHttp && uri.Scheme == Uri.UriSchemeHttp))
        {
            return options.AllowHttp ? "must use https or http" : "must use https";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "must not contain credentials";
        }

        if (!options.AllowPrivateNetworks && IPAddress.TryParse(uri.DnsSafeHost, out var address) && !AddressRanges.IsPublic(address))
        {
            return "must not point at a loopback, private or link-local address";
        }

        return null;
    }
}
