using Storewise.Api.Tests.Infrastructure;
using Storewise.Sample;

namespace Storewise.Api.Tests.Contract;

/// <summary>
/// The sample's first session through the generated client against a real server process (its own Kestrel,
/// configuration and PostgreSQL database), as an integrator would run it. Every answer is still checked against
/// the document on the way.
/// </summary>
public sealed class GeneratedClientServerProcessTests(PostgresApiFixture fixture) : IClassFixture<PostgresApiFixture>
{
    [Fact]
    public async Task First_session_runs_through_the_generated_client_against_a_server_process()
    {
        await using var server = await ServerProcess.StartAsync(fixture.Settings());
        using var http = new HttpClient(new AnswerValidatingHandler(fixture.Contract) { InnerHandler = new HttpClientHandler() })
        {
            BaseAddress = server.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        http.DefaultRequestHeaders.Authorization = new("Bearer", fixture.Token(ApiFixture.NewTenant()));

        GeneratedClientTests.AssertCompleted(await FirstSession.RunAsync(http), server.Output);
    }
}
