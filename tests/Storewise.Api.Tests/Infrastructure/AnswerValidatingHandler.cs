namespace Storewise.Api.Tests.Infrastructure;

/// <summary>
/// Sits in every test client of <see cref="ApiFixture"/>: each answer is checked against the OpenAPI document
/// before the test sees it, so an undocumented status, media type or field fails whichever test received it.
/// </summary>
public sealed class AnswerValidatingHandler(ApiContract contract) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var problem = contract.Check(
            request.Method.Method,
            request.RequestUri!.AbsolutePath,
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            body);
        if (problem is not null)
        {
            response.Dispose();
            throw new ContractViolationException(problem);
        }

        return response;
    }
}

/// <summary>An answer that the OpenAPI document does not describe.</summary>
public sealed class ContractViolationException(string message) : Exception(message);
