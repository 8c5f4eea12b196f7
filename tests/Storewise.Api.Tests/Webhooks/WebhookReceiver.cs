using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Storewise.Api.Tests.Webhooks;

/// <summary>One request the receiver got: path, the headers that matter, the raw body and when it arrived (real clock).</summary>
public sealed record ReceivedWebhook(string Path, string Id, string Timestamp, string Signature, string Authorization, string Body)
{
    public DateTimeOffset ArrivedAt { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>
/// A real HTTP server on a loopback port (Kestrel), as an integrator's receiver: it records every request and answers
/// 204, or 503 while <see cref="Down"/> is set (a receiver that is down), or whatever <see cref="Answer"/> says.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The base URL, without a trailing slash.</summary>
    public string Url { get; }

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    private volatile bool _down;

    /// <summary>While set, every request is answered 503 (and not recorded).</summary>
    public bool Down
    {
        get => _down;
        set => _down = value;
    }

    public int Answer { get; set; } = StatusCodes.Status204NoContent;

    /// <summary>How long the receiver takes to answer (after recording the request).</summary>
    public TimeSpan AnswerDelay { get; set; }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var self = receiver!;
            if (self.Down)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            var headers = context.Request.Headers;
            self.Received.Enqueue(new ReceivedWebhook(
                context.Request.Path.Value ?? "", headers["webhook-id"].ToString(), headers["webhook-timestamp"].ToString(),
                headers["webhook-signature"].ToString(), headers.Authorization.ToString(), body));
            if (self.AnswerDelay > TimeSpan.Zero)
            {
                await Task.Delay(self.AnswerDelay);
            }

            context.Response.StatusCode = self.Answer;
        });
        await app.StartAsync();
        var url = app.Urls.First().TrimEnd('/');
        receiver = new WebhookReceiver(app, url);
        return receiver;
    }

    /// <summary>Waits until <paramref name="done"/> holds for what was received, or fails after <paramref name="seconds"/>.</summary>
    public async Task WaitForAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> done, int seconds = 30, Action? whileWaiting = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!done(Received.ToList()))
        {
            Assert.True(DateTime.UtcNow < deadline, $"receiver got {Received.Count} requests in {seconds} s, not what the test waits for");
            whileWaiting?.Invoke();
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
