using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Playwright;
using Storewise.Api.Auth;

namespace Storewise.BackOffice.Tests.Browser;

/// <summary>
/// One server and one headless Chromium (Debian's, at /usr/bin/chromium) for the whole browser suite; each test
/// opens contexts of its own. The first editor is made through the setup link, once, by whichever test needs it first.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime, IDisposable
{
    public const string Tenant = "dodici";
    public const string EditorName = "admin";
    public const string EditorPassword = "correct horse battery";
    public const string ViewerName = "viewer";
    public const string ViewerPassword = "read only but long";
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly SemaphoreSlim _accounts = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private ConsoleServer? _server;
    private bool _editorMade;
    private bool _viewerMade;

    public ConsoleServer Server => _server ?? throw new InvalidOperationException("not started");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("not started");

    /// <summary>What the setup page showed when the first editor was made (for the first-start test).</summary>
    public string? SetupOutcome { get; private set; }

    public async Task InitializeAsync()
    {
        var server = ConsoleServer.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
        _server = await server;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Dispose() => _accounts.Dispose();

    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Server.Address.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        // The suite runs beside the API suite on two cores, and the first sign-in of a run (account, password hash, the
        // console's first render with a cold JIT) once took longer than Playwright's 30 s default. These are limits
        // for a step to finish, not measurements: no test asserts how long anything takes.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return context;
    }

    /// <summary>A page signed in as the editor (made through the one-time setup link on first use).</summary>
    public async Task<IPage> EditorPageAsync()
    {
        await EnsureEditorAsync();
        return await SignedInPageAsync(EditorName, EditorPassword);
    }

    /// <summary>A page signed in as the read-only user (made with <c>admin set-password --read-only</c>).</summary>
    public async Task<IPage> ViewerPageAsync()
    {
        await _accounts.WaitAsync();
        try
        {
            if (!_viewerMade)
            {
                await Server.SetPasswordAsync(Tenant, ViewerName, ViewerPassword, readOnly: true);
                _viewerMade = true;
            }
        }
        finally
        {
            _accounts.Release();
        }

        return await SignedInPageAsync(ViewerName, ViewerPassword);
    }

    public async Task EnsureEditorAsync()
    {
        await _accounts.WaitAsync();
        try
        {
            if (_editorMade)
            {
                return;
            }

            var context = await NewContextAsync();
            var page = await context.NewPageAsync();
            await page.GotoAsync(await Server.SetupLinkAsync());
            await page.Locator("#user").FillAsync(EditorName);
            await page.Locator("#password").FillAsync(EditorPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Create the account" }).ClickAsync();
            await page.WaitForURLAsync("**/console/sign-in");
            SetupOutcome = page.Url;
            await context.CloseAsync();
            _editorMade = true;
        }
        finally
        {
            _accounts.Release();
        }
    }

    public async Task<IPage> SignedInPageAsync(string user, string password)
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, user, password);
        await page.WaitForURLAsync("**/console");
        return page;
    }

    public static async Task SignInAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/console/sign-in");
        await page.Locator("#tenant").FillAsync(Tenant);
        await page.Locator("#user").FillAsync(user);
        await page.Locator("#password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>A client of the API itself, with a token signed by the server's key.</summary>
    public HttpClient Api(string scope = "promotions:read promotions:write config:read config:write")
    {
        var issuer = new TokenIssuer(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ConsoleServer.SigningKey)), new AuthOptions(), TimeProvider.System);
        var client = new HttpClient { BaseAddress = Server.Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Issue(Tenant, "tests", scope, TimeSpan.FromHours(1)));
        return client;
    }

    public async Task<JsonNode> ApiJsonAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        using var client = Api();
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console browser";
}
