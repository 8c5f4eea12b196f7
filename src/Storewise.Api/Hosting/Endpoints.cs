using Storewise.Api.Codes;
using Storewise.Api.Health;
using Storewise.Api.Imports;
using Storewise.Api.Redemptions;

namespace Storewise.Api.Hosting;

/// <summary>Every route of the service, registered explicitly.</summary>
public static class Endpoints
{
    public static void MapStorewiseEndpoints(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthEndpoints();
        app.MapCodeEndpoints();
        app.MapImportEndpoints();
        app.MapRedemptionEndpoints();
    }
}
