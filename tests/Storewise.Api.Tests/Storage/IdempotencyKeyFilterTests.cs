using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Storewise.Api.Auth;
using Storewise.Api.Idempotency;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Storage;

/// <summary>
/// The Idempotency-Key filter on a route other than redemption: a test host maps a counter that opts in, on the
/// fixture's migrated database, and checks the protocol (replay, 422, 409, 5xx frees the key).
/// </summary>
public abstract class IdempotencyKeyFilterTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_retry_with_the_same_key_and_body_replays_the_first_answer_without_running_again()
    {
        await using var host = await CounterHost.StartAsync(fixture);
        using var first = await host.PostAsync("/count", "{\"n\":1}", "k1");
        using var retry = await host.PostAsync("/count", "{\"n\":1}", "k1");
        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(200, (int)retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, host.Runs);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_without_a_key_every_request_runs()
    {
        await using var host = await CounterHost.StartAsync(fixture);
        (await host.PostAsync("/count", "{\"n\":1}", "k2")).Dispose();
        var reused = await (await host.PostAsync("/count", "{\"n\":2}", "k2")).ExpectAsync(422);
        Assert.Equal("idempotency_key_reused", (string?)reused["code"]);
        (await host.PostAsync("/count", "{\"n\":1}", null)).Dispose();
        (await host.PostAsync("/count", "{\"n\":1}", null)).Dispose();
        Assert.Equal(3, host.Runs);
    }

    [Fact]
    public async Task A_key_in_flight_is_409()
    {
        await using var host = await CounterHost.StartAsync(fixture);
        var slow = host.PostAsync("/slow", "{}", "k3");
        await host.SlowStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var inFlight = await (await host.PostAsync("/slow", "{}", "k3")).ExpectAsync(409);
        Assert.Equal("idempotency_key_in_flight", (string?)inFlight["code"]);
        host.ReleaseSlow.SetResult();
        (await slow).Dispose();
    }

    [Fact]
    public async Task A_4xx_answer_is_replayed_but_a_5xx_frees_the_key()
    {
        await using var host = await CounterHost.StartAsync(fixture);
        using var rejected = await host.PostAsync("/reject", "{}", "k4");
        using var rejectedAgain = await host.PostAsync("/reject", "{}", "k4");
        Assert.Equal(404, (int)rejectedAgain.StatusCode);
        Assert.Equal("true", rejectedAgain.Headers.GetValues("Idempotent-Replayed").Single());
        (await host.PostAsync("/fail", "{}", "k5")).Dispose();
        using var failedAgain = await host.PostAsync("/fail", "{}", "k5");
        Assert.False(failedAgain.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(3, host.Runs);
    }

    /// <summary>A minimal service with write routes that opt in, each counting how often it really ran.</summary>
    private sealed class CounterHost : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private HttpClient? _client;
        private int _runs;

        private CounterHost(WebApplication app)
        {
            _app = app;
        }

        public int Runs => _runs;

        public TaskCompletionSource SlowStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource ReleaseSlow { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static async Task<CounterHost> StartAsync(ApiFixture fixture)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseTestServer();
            builder.Services.AddSingleton(fixture.Database);
            builder.Services.AddSingleton<TimeProvider>(fixture.Clock);
            builder.Services.AddSingleton<IdempotencyKeys>();
            var app = builder.Build();
            var tenant = ApiFixture.NewTenant();
            app.Use((context, next) =>
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(RequestUser.TenantClaim, tenant)], "test"));
                return next(context);
            });
            var host = new CounterHost(app);
            app.MapPost("/count", () => TypedResults.Ok(new { run = Interlocked.Increment(ref host._runs) })).WithIdempotencyKey();
            app.MapPost("/reject", () =>
            {
                Interlocked.Increment(ref host._runs);
                return TypedResults.NotFound(new { code = "nothing_here" });
            }).WithIdempotencyKey();
            app.MapPost("/fail", () =>
            {
                Interlocked.Increment(ref host._runs);
                return TypedResults.StatusCode(StatusCodes.Status500InternalServerError);
            }).WithIdempotencyKey();
            app.MapPost("/slow", async () =>
            {
                host.SlowStarted.TrySetResult();
                await host.ReleaseSlow.Task;
                return TypedResults.Ok();
            }).WithIdempotencyKey();
            await app.StartAsync();
            host._client = app.GetTestClient();
            return host;
        }

        public Task<HttpResponseMessage> PostAsync(string path, string json, string? key) =>
            _client!.SendJsonAsync(HttpMethod.Post, path, json, key is null ? null : new Dictionary<string, string> { [IdempotencyKeys.Header] = key });

        public async ValueTask DisposeAsync()
        {
            _client?.Dispose();
            await _app.DisposeAsync();
        }
    }
}

public sealed class IdempotencyKeyFilterSqliteTests(SqliteApiFixture fixture) : IdempotencyKeyFilterTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class IdempotencyKeyFilterPostgresTests(PostgresApiFixture fixture) : IdempotencyKeyFilterTests(fixture), IClassFixture<PostgresApiFixture>;
