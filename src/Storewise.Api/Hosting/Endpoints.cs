using Storewise.Api.Carts;
using Storewise.Api.CartLog;
using Storewise.Api.Codes;
using Storewise.Api.TppeIntegration;
using Storewise.Api.Coupons;
using Storewise.Api.Health;
using Storewise.Api.Imports;
using Storewise.Api.Promotions;
using Storewise.Api.PromotionsConfiguration;
using Storewise.Api.Qualification;
using Storewise.Api.Redemptions;
using Storewise.Api.Reservations;
using Storewise.Api.SalesOrderConfig;
using Storewise.Api.Simulations;
using Storewise.Api.Stores;
using Storewise.Api.Telemetry;
using Storewise.Api.Webhooks;

namespace Storewise.Api.Hosting;

/// <summary>Every route of the service, registered explicitly.</summary>
public static class Endpoints
{
    public static void MapStorewiseEndpoints(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthEndpoints();
        app.MapPromotionEndpoints();
        app.MapCouponEndpoints();
        app.MapPromotionsConfigurationEndpoints();
        app.MapTimeReadingEndpoints();
        app.MapStoreEndpoints();
        app.MapCartLogEndpoints();
        app.MapCartEndpoints();
        app.MapQualificationEndpoints();
        app.MapSimulationEndpoints();
        app.MapIntegrationConfigEndpoints();
        app.MapSalesOrderConfigEndpoints();
        app.MapCodeEndpoints();
        app.MapImportEndpoints();
        app.MapRedemptionEndpoints();
        app.MapReservationEndpoints();
        app.MapWebhookEndpoints();
        app.MapStorewiseMetrics();
        app.MapConsole();
    }
}
