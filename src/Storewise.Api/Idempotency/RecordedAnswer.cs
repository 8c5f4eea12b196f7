using System.Text;

namespace Storewise.Api.Idempotency;

/// <summary>
/// Writes a handler's answer and stores exactly those bytes with the key before they are sent, so a retry
/// replays them; a 5xx (or a failure while writing) frees the key instead.
/// </summary>
public sealed class RecordedAnswer(IResult answer, IdempotencyScope scope, IdempotencyKeys keys) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await answer.ExecuteAsync(httpContext);
        }
        catch
        {
            await keys.ReleaseAsync(scope.Claim);
            throw;
        }
        finally
        {
            response.Body = original;
        }

        if (response.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            await keys.ReleaseAsync(scope.Claim);
        }
        else
        {
            await keys.CompleteAsync(scope.Claim, response.StatusCode, Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, httpContext.RequestAborted);
    }
}
