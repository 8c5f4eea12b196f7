using Storewise.Api.Hosting;

var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));
builder.AddStorewise();

// `token`, `migrate` and `admin set-password` are one-shot commands; anything else starts the server.
if (await Commands.TryRunAsync(builder, args))
{
    return;
}

var app = builder.Build();
await app.PrepareStorageAsync();
app.UseStorewisePipeline();
app.MapStorewiseEndpoints();
app.Run();

/// <summary>Entry point; public so the test host can start the real pipeline.</summary>
public partial class Program;
