using Storewise.Api.Configuration;
using Storewise.Api.Health;
using Storewise.Api.SalesOrderConfig;

namespace Storewise.Api.Hosting;

/// <summary>Every route of the service, registered explicitly.</summary>
public static class Endpoints
{
    public static void MapStorewiseEndpoints(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthEndpoints();
        app.MapIntegrationConfigEndpoints();
        app.MapSalesOrderConfigEndpoints();
    }
}
