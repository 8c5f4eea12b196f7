using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Polly.Timeout;
using Storewise.Api.TppeIntegration;
using Storewise.Api.Events;
using Storewise.Api.Telemetry;

namespace Storewise.Api.Webhooks;

/// <summary>
/// Makes one attempt of a delivery: a POST of the event envelope with the Standard Webhooks headers (signed with the
/// endpoint's secret), or, for the TPPE target, to the session update URL with the order id in place of
/// <c>{customerSessionId}</c> and the auth token as Bearer (docs/tppe-notifications.md). Only the status counts: at most
/// <see cref="WebhookOptions.MaxResponseBytes"/> of the answer is read.
/// </summary>
public sealed class DeliverySender(
    IHttpClientFactory clients, WebhookStore webhooks, IDataProtectionProvider protection, TimeProvider clock, WebhookOptions options, StorewiseMetrics metrics)
{
    public const string ClientName = "Storewise.Webhooks";
    private const int MaxErrorLength = 500;

    private readonly IDataProtector _tppeTokens = protection.CreateProtector(IntegrationConfigStore.TokenPurpose);

    public async Task<AttemptResult> SendAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        var result = await AttemptAsync(delivery, cancellationToken);
        metrics.WebhookDelivered(result, clock.GetUtcNow().ToUnixTimeMilliseconds() - delivery.OccurredAt);
        return result;
    }

    private async Task<AttemptResult> AttemptAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.Url is null || delivery.Secret is null)
        {
            return new AttemptResult(delivery, false, null, "the target has no URL or secret configured");
        }

        try
        {
            using var request = Request(delivery);
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            await DrainAsync(response, cancellationToken);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new AttemptResult(delivery, true, code, null)
                : new AttemptResult(delivery, false, code, $"answered {code}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException or OperationCanceledException or IOException or UriFormatException)
        {
            return new AttemptResult(delivery, false, null, Describe(exception));
        }
    }

    private HttpRequestMessage Request(ClaimedDelivery delivery)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var tppe = delivery.EndpointId == Outbox.TppeTarget;
        var url = tppe ? delivery.Url!.Replace("{customerSessionId}", Uri.EscapeDataString(delivery.SubjectId), StringComparison.Ordinal) : delivery.Url!;
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", delivery.EventId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        if (tppe)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tppeTokens.Unprotect(delivery.Secret!));
        }
        else
        {
            request.Headers.Add("webhook-signature", WebhookSignature.Sign(webhooks.Unprotect(delivery.Secret!), delivery.EventId, timestamp, delivery.Payload));
        }

        return request;
    }

    // Reads (and drops) at most the cap, so a receiver cannot make the worker read an endless answer.
    private async Task DrainAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[Math.Min(4096, Math.Max(1, options.MaxResponseBytes))];
        var remaining = options.MaxResponseBytes;
        while (remaining > 0)
        {
            var read = await body.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, remaining)), cancellationToken);
            if (read == 0)
            {
                return;
            }

            remaining -= read;
        }
    }

    private string Describe(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is RefusedAddressException refused)
            {
                return "refused address: " + refused.Message;
            }
        }

        var text = exception is TimeoutRejectedException or OperationCanceledException
            ? $"no answer within {options.AttemptTimeoutSeconds} s"
            : exception.Message;
        return text.Length > MaxErrorLength ? text[..MaxErrorLength] : text;
    }
}
