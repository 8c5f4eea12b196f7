using Storewise.Api.Tests.Infrastructure;
using Storewise.Sample;

namespace Storewise.Api.Tests.Contract;

/// <summary>
/// The client Kiota generates from docs/openapi.json runs the README's first session against the service
/// (the in-process server; every answer is also checked against the document on the way).
/// </summary>
public sealed class GeneratedClientTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>
{
    [Fact]
    public async Task First_session_runs_through_the_generated_client()
    {
        using var http = fixture.Client(ApiFixture.NewTenant());

        AssertCompleted(await FirstSession.RunAsync(http));
    }

    /// <summary>The session created and listed its promotion, priced 100 EUR with its 10 % off, and redeemed one code.</summary>
    internal static void AssertCompleted(SessionOutcome outcome, string? context = null)
    {
        Assert.True(outcome.PromotionListed, context);
        Assert.Equal(100d, outcome.CartTotal + outcome.DiscountTotal);
        Assert.Equal(10d, outcome.DiscountTotal);
        Assert.Single(outcome.RedeemedCodes);
    }
}
