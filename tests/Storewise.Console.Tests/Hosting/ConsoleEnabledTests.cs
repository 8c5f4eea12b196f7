using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Storewise.BackOffice.Tests.Hosting;

/// <summary><c>Console:Enabled</c> mounts the console under <c>/console</c>; without it the API is the same and there is no console.</summary>
public sealed class ConsoleEnabledTests
{
    [Theory]
    [InlineData(true, HttpStatusCode.Redirect)]
    [InlineData(false, HttpStatusCode.Unauthorized)] // no such route: the API's fallback policy answers it like any other
    public async Task The_console_is_served_only_when_enabled_and_the_API_answers_either_way(bool enabled, HttpStatusCode console)
    {
        var data = Path.Combine(Path.GetTempPath(), "storewise-console-enabled-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await AssertConsoleAsync(data, enabled, console);
        }
        finally
        {
            // After the host is gone, so that nothing holds the database file any more.
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task AssertConsoleAsync(string data, bool enabled, HttpStatusCode console)
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Storage:Provider", "sqlite");
            web.UseSetting("Storage:DataDirectory", data);
            web.UseSetting("ConnectionStrings:Storewise", $"Data Source={Path.Combine(data, "storewise.db")}");
            web.UseSetting("Auth:SigningKey", "storewise-console-tests-signing-key-0123456789");
            web.UseSetting("Webhooks:WorkerEnabled", "false");
            web.UseSetting("Console:Enabled", enabled ? "true" : "false");
        });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var page = await client.GetAsync(new Uri("/console/promotions", UriKind.Relative));
        Assert.Equal(console, page.StatusCode);
        if (enabled)
        {
            Assert.StartsWith("/console/sign-in", page.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        }

        using var api = await client.GetAsync(new Uri("/v0/promotions/promotion?count=1&page=1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        using var health = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
