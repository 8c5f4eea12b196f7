using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Storewise.BackOffice.Api;

/// <summary>
/// Where the console sends its API calls: <c>Console:ApiBaseAddress</c>, or else the server's own first address
/// (a wildcard host becomes the loopback address), so the console goes through the same public pipeline as any
/// integrator.
/// </summary>
public sealed class ApiAddress(ConsoleOptions options, IServer server)
{
    private Uri? _resolved;

    public Uri Resolve()
    {
        if (_resolved is not null)
        {
            return _resolved;
        }

        var configured = options.ApiBaseAddress;
        var address = !string.IsNullOrWhiteSpace(configured)
            ? configured
            : server.Features.Get<IServerAddressesFeature>()?.Addresses.OrderBy(a => a.StartsWith("https", StringComparison.Ordinal)).FirstOrDefault()
              ?? throw new InvalidOperationException("the server has no address; set Console:ApiBaseAddress");
        var builder = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
        {
            builder.Host = "127.0.0.1";
        }

        _resolved = builder.Uri;
        return _resolved;
    }
}
