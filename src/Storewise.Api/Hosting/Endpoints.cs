using Storewise.Api.Health;

namespace Storewise.Api.Hosting;

/// <summary>Every route of the service, registered explicitly.</summary>
public static class Endpoints
{
    public static void MapStorewiseEndpoints(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthEndpoints();
    }
}
