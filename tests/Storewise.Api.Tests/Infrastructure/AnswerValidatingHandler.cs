namespace Storewise.Api.Tests.Infrastructure;

/// <summary>
/// Sits in every test client of <see cref="ApiFixture"/>: each answer is checked against the OpenAPI document
/// before the test sees it, so an undocumented status, media type or field fails whichever test received it. So does
/// a query parameter that the request's handling read (<see cref="QueryReadRecorder"/>) and the document does not list.
/// An undocumented 5xx names the exception the service logged for it, when <paramref name="failures"/> has it.
/// </summary>
public sealed class AnswerValidatingHandler(ApiContract contract, ServerFailureLog? failures = null) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        var problem = contract.Check(request.Method.Method, path, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
        if (response.Headers.TryGetValues(QueryReadRecorder.Header, out var reads))
        {
            response.Headers.Remove(QueryReadRecorder.Header);
            problem ??= contract.CheckQueryReads(request.Method.Method, path, reads.SelectMany(r => r.Split(',')).Select(Uri.UnescapeDataString));
        }

        if (problem is not null)
        {
            if ((int)response.StatusCode >= 500
                && response.Headers.TryGetValues("x-request-id", out var ids)
                && failures?.For(ids.First()) is { } failure)
            {
                problem += Environment.NewLine + "The service logged: " + failure;
            }

            response.Dispose();
            throw new ContractViolationException(problem);
        }

        return response;
    }
}

/// <summary>An answer that the OpenAPI document does not describe.</summary>
public sealed class ContractViolationException(string message) : Exception(message);
