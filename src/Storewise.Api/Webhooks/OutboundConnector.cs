using System.Net;
using System.Net.Sockets;

namespace Storewise.Api.Webhooks;

/// <summary>
/// Connects outbound calls only to permitted addresses. The check runs on the addresses the socket really connects
/// to, after resolution, so a name that resolves to a public address when registered and to a private one later
/// (DNS rebinding) is still refused.
/// </summary>
public sealed class OutboundConnector(WebhookOptions options)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var resolved = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var permitted = options.AllowPrivateNetworks ? resolved : resolved.Where(AddressRanges.IsPublic).ToArray();
        if (permitted.Length == 0)
        {
            throw new RefusedAddressException($"{host} resolves only to addresses outbound calls may not reach");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(permitted, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>The target of an outbound call resolved to a refused address (docs/events.md, outbound safety).</summary>
public sealed class RefusedAddressException(string message) : Exception(message);
