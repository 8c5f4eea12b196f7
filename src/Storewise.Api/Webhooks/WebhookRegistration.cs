using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Storewise.Api.Webhooks;

/// <summary>
/// The webhook services and the outbound HTTP client: no redirects, no proxy, connections only to permitted addresses
/// (<see cref="OutboundConnector"/>), and a resilience pipeline that bounds each attempt and retries a connection
/// failure once at once. Retries beyond that are scheduled in the database (<see cref="RetrySchedule"/>).
/// </summary>
public static class WebhookRegistration
{
    public static void AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new WebhookOptions();
        services.AddSingleton(options);
        services.AddSingleton(configuration.GetSection(Events.EventOptions.Section).Get<Events.EventOptions>() ?? new Events.EventOptions());
        services.AddSingleton<Events.OutboxPruner>();
        services.AddHostedService(provider => provider.GetRequiredService<Events.OutboxPruner>());
        services.AddSingleton<OutboundConnector>();
        services.AddSingleton<WebhookStore>();
        services.AddSingleton<DeliveryQueue>();
        services.AddSingleton<DeliverySender>();
        services.AddHttpClient(DeliverySender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                ConnectTimeout = TimeSpan.FromSeconds(options.AttemptTimeoutSeconds),
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                ConnectCallback = provider.GetRequiredService<OutboundConnector>().ConnectAsync,
            })
            .RemoveAllLoggers()
            .AddResilienceHandler("webhook-attempt", pipeline => pipeline
                .AddTimeout(TimeSpan.FromSeconds(options.AttemptTimeoutSeconds))
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 1,
                    Delay = TimeSpan.FromMilliseconds(100),
                    BackoffType = DelayBackoffType.Constant,
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is HttpRequestException { InnerException: System.Net.Sockets.SocketException }),
                }));
        if (options.WorkerEnabled)
        {
            services.AddHostedService<DeliveryWorker>();
        }
    }
}
