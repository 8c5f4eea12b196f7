using System.Net;
using Storewise.Api.Webhooks;

namespace Storewise.Api.Tests.Webhooks;

/// <summary>
/// Outbound calls refuse loopback, private and link-local targets (docs/events.md, outbound safety): literal addresses
/// when an endpoint is registered, and every address a name resolves to at connect time.
/// </summary>
public sealed class OutboundSafetyTests
{
    private static readonly WebhookOptions Strict = new();

    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://172.20.0.1/hook")]
    [InlineData("https://192.168.1.10/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://100.64.0.1/hook")]
    [InlineData("https://0.0.0.0/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[fe80::1]/hook")]
    [InlineData("https://[fd00::1]/hook")]
    [InlineData("https://[::ffff:127.0.0.1]/hook")]
    public void Literal_addresses_in_refused_ranges_are_refused_at_registration(string url)
    {
        Assert.NotNull(WebhookUrlPolicy.Check(url, Strict));
        Assert.Null(WebhookUrlPolicy.Check(url, new WebhookOptions { AllowPrivateNetworks = true }));
    }

    [Theory]
    [InlineData("http://pos.example.com/hook", "must use https")]
    [InlineData("ftp://pos.example.com/hook", "must use https")]
    [InlineData("https://user:pass@pos.example.com/hook", "must not contain credentials")]
    [InlineData("/relative", "must be an absolute URL")]
    public void Only_plain_https_urls_are_accepted(string url, string problem) =>
        Assert.Equal(problem, WebhookUrlPolicy.Check(url, Strict));

    [Fact]
    public void Public_https_urls_are_accepted_and_http_only_when_allowed()
    {
        Assert.Null(WebhookUrlPolicy.Check("https://pos.example.com/hook", Strict));
        Assert.Null(WebhookUrlPolicy.Check("https://93.184.215.14/hook", Strict));
        Assert.Null(WebhookUrlPolicy.Check("http://pos.example.com/hook", new WebhookOptions { AllowHttp = true }));
    }

    [Fact]
    public async Task A_name_resolving_to_loopback_is_refused_when_connecting_and_reached_when_allowed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var port = new Uri(receiver.Url).Port;
        var url = new Uri($"http://localhost:{port}/events");

        using (var strict = Client(new WebhookOptions()))
        {
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => strict.PostAsync(url, new StringContent("{}")));
            Assert.IsType<RefusedAddressException>(refused.InnerException);
        }

        using (var allowed = Client(new WebhookOptions { AllowPrivateNetworks = true }))
        {
            using var answer = await allowed.PostAsync(url, new StringContent("{}"));
            Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        }

        Assert.Single(receiver.Received);
    }

    private static HttpClient Client(WebhookOptions options) =>
        new(new SocketsHttpHandler { ConnectCallback = new OutboundConnector(options).ConnectAsync, UseProxy = false });
}
