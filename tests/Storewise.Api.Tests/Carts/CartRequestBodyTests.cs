using System.Net.Http.Headers;
using System.Text;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Carts;

/// <summary>
/// A cart body of a declared length is read into one buffer before it is bound
/// (docs/decisions/0528-contiguous-request-body.md); a streamed one is bound as it comes. Both must give the same answer,
/// good or bad, byte for byte.
/// </summary>
public abstract class CartRequestBodyTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("""{"currency":"EUR","shippingCost":4.95,"items":[{"id":"a","productId":"p1","quantity":2,"price":19.99,"categories":[{"path":["Shop","Tops"]}]},{"id":"b","productId":"p2","quantity":1,"price":5}]}""")]
    [InlineData("""{"currency":"EUR","items":[{"id":"a","productId":"p1","quantity":1,"price":"19.99"}]}""")]
    [InlineData("""{"currency":"EUR","items":[{"id":"a","productId":"p1","quantity":1,"price":19.99}""")]
    [InlineData("""{"currency":"EUR","currency":"USD","items":[]}""")]
    [InlineData("null")]
    public async Task A_body_of_declared_length_answers_as_a_streamed_one(string cart)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await (await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/promotion", """
            {"name":"Ten off","active":true,"validFrom":"2020-01-01T00:00:00Z","category":{"kind":"CartLevelPercentage","discount":10},
             "currencies":[{"code":"EUR","minimumCartValue":0}]}
            """)).ExpectAsync(201);
        const string url = "/v0/promotions/cart";

        using var declared = await client.SendJsonAsync(HttpMethod.Post, url, cart);
        using var streamed = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = Streamed(cart) });

        Assert.Equal(streamed.StatusCode, declared.StatusCode);
        Assert.Equal(await streamed.Content.ReadAsStringAsync(), await declared.Content.ReadAsStringAsync());
    }

    /// <summary>A body without a declared length, sent as it is read.</summary>
    private static StreamContent Streamed(string json)
    {
        var content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

public sealed class CartRequestBodySqliteTests(SqliteApiFixture fixture) : CartRequestBodyTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class CartRequestBodyPostgresTests(PostgresApiFixture fixture) : CartRequestBodyTests(fixture), IClassFixture<PostgresApiFixture>;
