using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Storewise.BackOffice.Api;
using Storewise.BackOffice.Forms;
using Storewise.BackOffice.SignIn;

namespace Storewise.BackOffice.Components.Shared;

/// <summary>What every signed-in page uses: the request, the signed-in user, the API client and the contract.</summary>
public abstract class ConsolePage : ComponentBase
{
    [CascadingParameter]
    protected HttpContext? HttpContext { get; set; }

    [Inject]
    protected ConsoleApi Api { get; set; } = default!;

    [Inject]
    protected ApiContract Contract { get; set; } = default!;

    [Inject]
    protected ConsoleOptions Options { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    protected ConsoleUser User => ConsoleUser.From(HttpContext!.User) ?? throw new InvalidOperationException("console page without a signed-in user");

    /// <summary>
    /// An API answer of 401 means the user's API identity has lapsed (an OpenID Connect token expired): sign in again.
    /// </summary>
    protected ApiAnswer Checked(ApiAnswer answer)
    {
        if (answer.Status == StatusCodes.Status401Unauthorized)
        {
            Navigation.NavigateTo("/console/sign-in?returnUrl=" + Uri.EscapeDataString(HttpContext!.Request.Path + HttpContext.Request.QueryString), forceLoad: true);
        }

        return answer;
    }

    protected async Task<ApiAnswer> GetAsync(string path) => Checked(await Api.GetAsync(path));

    protected async Task<ApiAnswer> SendAsync(HttpMethod method, string path, System.Text.Json.Nodes.JsonNode? body) => Checked(await Api.SendAsync(method, path, body));
}
