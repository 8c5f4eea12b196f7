using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Storewise.BackOffice.Api;
using Storewise.BackOffice.Components;

namespace Storewise.BackOffice;

/// <summary>
/// The console under <c>/console</c>: its pages, its two static files, the OpenID Connect sign-in start and the
/// import error report download. None of it is part of the API contract (they are excluded from OpenAPI).
/// </summary>
public static class ConsoleEndpoints
{
    public static void MapStorewiseConsole(this WebApplication app)
    {
        app.MapRazorComponents<App>()
            .RequireAuthorization(ConsoleSchemes.Policy)
            .ExcludeFromDescription();

        var console = app.MapGroup(ConsoleSchemes.PathBase).ExcludeFromDescription();
        console.MapGet("/assets/{name}", Asset).AllowAnonymous();
        console.MapGet("/sign-in/oidc", (string? returnUrl) => TypedResults.Challenge(
            new AuthenticationProperties { RedirectUri = returnUrl is { } url && url.StartsWith("/console", StringComparison.Ordinal) ? url : ConsoleSchemes.PathBase },
            [ConsoleSchemes.OpenIdConnect])).AllowAnonymous();
        console.MapGet("/coupons/{id}/imports/{importId}/errors.csv", ErrorReport).RequireAuthorization(ConsoleSchemes.Policy);
    }

    private static IResult Asset(string name)
    {
        var stream = typeof(ConsoleEndpoints).Assembly.GetManifestResourceStream("Storewise.BackOffice.Assets." + name);
        if (stream is null)
        {
            return TypedResults.NotFound();
        }

        var type = name.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
        return TypedResults.Stream(stream, type);
    }

    /// <summary>The whole error report of an import as CSV, read page by page from the API.</summary>
    private static async Task<IResult> ErrorReport(string id, string importId, ConsoleApi api, CancellationToken cancellationToken)
    {
        var path = $"/v0/promotions/coupon/{Uri.EscapeDataString(id)}/code/import/{Uri.EscapeDataString(importId)}/errors";
        var csv = new StringBuilder("line,code,reason,message\n");
        for (var page = 1; ; page++)
        {
            var answer = await api.GetAsync($"{path}?count=150&page={page}", cancellationToken);
            if (!answer.IsSuccess)
            {
                return TypedResults.Problem(answer.Message, statusCode: answer.Status);
            }

            var items = answer.Body?["items"] as JsonArray ?? [];
            foreach (var item in items)
            {
                csv.Append(item?["line"]?.GetValue<long>().ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(Quote(item?["code"])).Append(',')
                    .Append(Quote(item?["reason"])).Append(',')
                    .Append(Quote(item?["message"])).Append('\n');
            }

            if (items.Count == 0 || answer.Body?["links"]?["next"] is null)
            {
                break;
            }
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"import-{importId}-errors.csv");
    }

    private static string Quote(JsonNode? value)
    {
        var text = value?.ToString() ?? "";
        // A leading =, +, - or @ would be a formula in a spreadsheet.
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
        {
            text = "'" + text;
        }

        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
