using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;
using Storewise.Api.Auth;
using Storewise.Api.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Storewise.Api.Tests.Infrastructure;

/// <summary>
/// One running service (the real ASP.NET Core pipeline in a test host) on a real, empty database.
/// Tests isolate themselves by using tenants of their own (<see cref="NewTenant"/>).
/// </summary>
public abstract class ApiFixture : IAsyncLifetime
{
    public const string SigningKey = "storewise-tests-signing-key-0123456789abcdef";

    private WebApplicationFactory<Program>? _factory;
    private ApiContract? _contract;

    /// <summary>The service's clock; it starts a day behind the real time, so tests may set it to any recent instant.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow.AddDays(-1));

    public abstract DatabaseProvider Provider { get; }

    public string ConnectionString { get; private set; } = "";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "storewise-test-" + Guid.NewGuid().ToString("N")[..8]);

    public IServiceProvider Services => Factory.Services;

    /// <summary>What the service logged for each request it failed (a 5xx after an exception).</summary>
    public ServerFailureLog Failures { get; } = new();

    /// <summary>The live OpenAPI document; every answer a test client receives must obey it.</summary>
    public ApiContract Contract => _contract ?? throw new InvalidOperationException("fixture not started");

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("fixture not started");

    /// <summary>Extra configuration a derived fixture wants (e.g. small limits).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    /// <summary>Extra services a derived fixture wants in the test host (e.g. a log capture).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        ConnectionString = await CreateDatabaseAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in Settings())
            {
                web.UseSetting(key, value);
            }

            web.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton<IStartupFilter, QueryReadRecorder>();
                services.AddSingleton<ILoggerProvider>(Failures);
                ConfigureTestServices(services);
            });
        });
        _ = _factory.Server; // start now, so migrations run before the first test
        using var plain = _factory.CreateClient();
        _contract = new ApiContract(JsonNode.Parse(await plain.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!);
    }

    public IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        yield return new("Storage:Provider", Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite");
        yield return new("Storage:DataDirectory", DataDirectory);
        yield return new("ConnectionStrings:Storewise", ConnectionString);
        yield return new("Auth:SigningKey", SigningKey);
        // The delivery worker writes delivery bookkeeping in the background; fixtures that test delivery turn it on.
        yield return new("Webhooks:WorkerEnabled", "false");
        foreach (var setting in ExtraSettings)
        {
            yield return setting;
        }
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await DropDatabaseAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    public static string NewTenant() => "t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A client whose bearer token is for <paramref name="tenant"/> with the given scopes (all by default).</summary>
    public HttpClient Client(string tenant, string? scope = null, string user = "25dd570161b05f0cae353a56757f8495")
    {
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(tenant, scope, user));
        return client;
    }

    /// <summary>A client that sends no token.</summary>
    public HttpClient AnonymousClient() => Factory.CreateDefaultClient(new AnswerValidatingHandler(Contract, Failures));

    /// <summary>
    /// A token signed with the service's key. It is dated by the real clock, because token lifetimes are checked
    /// against real time whatever the fake clock says.
    /// </summary>
    public string Token(string tenant, string? scope = null, string user = "25dd570161b05f0cae353a56757f8495", TimeSpan? lifetime = null) =>
        new TokenIssuer(Services.GetRequiredService<SymmetricSecurityKey>(), Services.GetRequiredService<AuthOptions>(), TimeProvider.System)
            .Issue(tenant, user, scope ?? string.Join(' ', Scopes.All), lifetime);

    public Database Database => Services.GetRequiredService<Database>();
}

public sealed class SqliteApiFixture : ApiFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync() =>
        Task.FromResult($"Data Source={Path.Combine(DataDirectory, "storewise.db")}");

    protected override Task DropDatabaseAsync() => Task.CompletedTask;
}

public sealed class PostgresApiFixture : ApiFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override Task<string> CreateDatabaseAsync() => PostgresServer.CreateDatabaseAsync();

    protected override Task DropDatabaseAsync() => PostgresServer.DropDatabaseAsync(ConnectionString);
}
