using System.Reflection;

namespace Storewise.Api.Hosting;

/// <summary>
/// The build writes docs/openapi.json by starting the app inside the tool <c>GetDocument.Insider</c>
/// (Microsoft.Extensions.ApiDescription.Server). Then nothing may touch a database, a key file or a port:
/// only the routes and their metadata are needed, so storage preparation and every hosted service are skipped.
/// </summary>
public static class BuildTimeDocument
{
    public static bool IsGenerating { get; } = Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    /// <summary>Settings that keep the generating run off disk: an in-memory signing key, a throwaway data directory.</summary>
    public static void Configure(IConfigurationManager configuration)
    {
        if (!IsGenerating)
        {
            return;
        }

        configuration["Auth:SigningKey"] = "openapi-document-generation-only-0123456789";
        configuration["Storage:DataDirectory"] = Path.Combine(Path.GetTempPath(), "storewise-openapi");
    }
}
