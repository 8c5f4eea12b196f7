using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Storewise.Api.Storage;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Hostile;

/// <summary>A service that logs everything (Trace) into a <see cref="LogCapture"/>.</summary>
public abstract class LogCapturingFixture : ApiFixture
{
    public LogCapture Logs { get; } = new();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft"] = "Trace",
    };

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
}

public sealed class LogCapturingSqliteFixture : LogCapturingFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult($"Data Source={Path.Combine(DataDirectory, "storewise.db")}");

    protected override Task DropDatabaseAsync() => Task.CompletedTask;
}

public sealed class LogCapturingPostgresFixture : LogCapturingFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override Task<string> CreateDatabaseAsync() => PostgresServer.CreateDatabaseAsync();

    protected override Task DropDatabaseAsync() => PostgresServer.DropDatabaseAsync(ConnectionString);
}

/// <summary>
/// Secrets (the TPPE auth_token, the webhook api_key, the signing key) never reach the logs, even at Trace level
/// and when a request carrying them is refused.
/// </summary>
public abstract class SecretLoggingTests(LogCapturingFixture fixture)
{
    [Fact]
    public async Task Writing_and_reading_secrets_logs_none_of_them_even_at_trace_level()
    {
        var owner = await SeededTenant.CreateAsync(fixture);
        using var client = fixture.Client(owner.Tenant);
        await (await client.SendJsonAsync(HttpMethod.Patch, "/v0/promotions/configurations/tppe",
            $$"""{"auth_token":"{{SeededTenant.TppeToken}}","session_update_url":"not a url"}""")).ExpectAsync(400);
        await (await client.SendJsonAsync(HttpMethod.Post, "/v0/config/sales_order/external_order_webhook",
            $$$"""{"value":{"url":"https://example.com/","api_key":"{{{SeededTenant.WebhookKey}}}","timeout":"x"}}""")).ExpectAsync(400);
        await (await client.GetAsync(new Uri("/v0/promotions/configurations/tppe", UriKind.Relative))).ExpectAsync(200);
        await (await client.GetAsync(new Uri("/v0/config/sales_order/external_order_webhook", UriKind.Relative))).ExpectAsync(200);

        var lines = fixture.Logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("/v0/config/sales_order/external_order_webhook", StringComparison.Ordinal)); // requests are logged
        foreach (var secret in new[] { SeededTenant.TppeToken, SeededTenant.WebhookKey, ApiFixture.SigningKey })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }
}

public sealed class SecretLoggingSqliteTests(LogCapturingSqliteFixture fixture) : SecretLoggingTests(fixture), IClassFixture<LogCapturingSqliteFixture>;

public sealed class SecretLoggingPostgresTests(LogCapturingPostgresFixture fixture) : SecretLoggingTests(fixture), IClassFixture<LogCapturingPostgresFixture>;
