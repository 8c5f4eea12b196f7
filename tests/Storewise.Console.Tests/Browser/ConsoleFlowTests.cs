using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Storewise.BackOffice.Tests.Browser;

/// <summary>
/// The flows of issue 19 in a real browser against a real server: first sign-in, offers through the forms, the API's
/// validation at its field, a stale version, deactivation, codes and a CSV import, the cart simulator, a read-only
/// user, session expiry, a forged anti-forgery token, and the cookie that never authenticates the API.
/// Every page visited must pass axe-core without a serious or critical violation.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleFlowTests(ConsoleFixture fixture)
{
    private const string Promotions = "/v0/promotions/promotion";

    [Fact]
    public async Task First_start_setup_link_makes_the_first_editor_and_then_no_longer_works()
    {
        await fixture.EnsureEditorAsync();
        Assert.EndsWith("/console/sign-in", fixture.SetupOutcome);

        var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(await fixture.Server.SetupLinkAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This setup link is not valid");
        await PageChecks.AccessibleAsync(page, "setup-used");

        await page.GotoAsync("/console/sign-in");
        await PageChecks.AccessibleAsync(page, "sign-in");
        await ConsoleFixture.SignInAsync(page, ConsoleFixture.EditorName, ConsoleFixture.EditorPassword);
        await page.WaitForURLAsync("**/console");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Promotions back office");
        await Assertions.Expect(page.Locator("header .who")).ToContainTextAsync("admin · dodici");
        await PageChecks.AccessibleAsync(page, "home");
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_promotion_created_through_the_form_appears_in_the_list_with_its_status()
    {
        var page = await fixture.EditorPageAsync();
        var name = "Form promotion " + Guid.NewGuid().ToString("N")[..6];
        await page.GotoAsync("/console/promotions/new");
        await PageChecks.AccessibleAsync(page, "promotion-new");
        await FillOfferAsync(page, name, "CartLevelPercentage", "10", "EUR");
        await SubmitAsync(page, "Create promotion", "**/console/promotions/*?saved=1");
        await Assertions.Expect(page.Locator(".heading .status")).ToHaveTextAsync("Running");
        await PageChecks.AccessibleAsync(page, "promotion-edit");

        await page.GotoAsync("/console/promotions?name=" + Uri.EscapeDataString(name));
        var row = page.Locator("table.list tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("td").Nth(0)).ToHaveTextAsync(name);
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("Running");
        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("CartLevelPercentage");
        await PageChecks.AccessibleAsync(page, "promotions");

        var stored = await fixture.ApiJsonAsync(HttpMethod.Get, $"{Promotions}?count=10&page=1&name={Uri.EscapeDataString(name)}");
        Assert.Equal(10, stored["items"]![0]!["promotion"]!["category"]!["discount"]!.GetValue<decimal>());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_product_level_promotion_with_categories_and_a_bundle_are_made_through_the_category_form()
    {
        var page = await fixture.EditorPageAsync();
        var name = "Categories " + Guid.NewGuid().ToString("N")[..6];
        await page.GotoAsync("/console/promotions/new");
        await AddRowAsync(page, "category.includedCategories");
        await AddRowAsync(page, "category.includedCategories");
        await FillOfferAsync(page, name, "ProductLevelPercentage", "15", "EUR");
        await page.Locator("#f-category-includedCategories-0--path").FillAsync("Shop\nAccessories");
        await page.Locator("#f-category-includedCategories-1--path").FillAsync("Shop\nShoes\nSandals");
        await page.Locator("#f-category-excludedProducts").FillAsync("sku-9");
        await PageChecks.AccessibleAsync(page, "promotion-category-form");
        await SubmitAsync(page, "Create promotion", "**/console/promotions/*?saved=1");

        var bundleName = "Bundle " + Guid.NewGuid().ToString("N")[..6];
        await page.GotoAsync("/console/promotions/new");
        await AddRowAsync(page, "category.products");
        await AddRowAsync(page, "category.products");
        await AddRowAsync(page, "category.discounts");
        await FillOfferAsync(page, bundleName, "BundleFixed", "", "EUR");
        await page.Locator("#f-category-discounts-0--currency").FillAsync("EUR");
        await page.Locator("#f-category-discounts-0--amount").FillAsync("7.5");
        await page.Locator("#f-category-products-0--productId").FillAsync("sku-1");
        await page.Locator("#f-category-products-0--quantity").FillAsync("2");
        await page.Locator("#f-category-products-1--productId").FillAsync("sku-2");
        await SubmitAsync(page, "Create promotion", "**/console/promotions/*?saved=1");

        await page.GotoAsync("/console/promotions?name=" + Uri.EscapeDataString(name));
        await Assertions.Expect(page.Locator("table.list tbody tr td").Nth(2)).ToHaveTextAsync("ProductLevelPercentage");
        await page.GotoAsync("/console/promotions?name=" + Uri.EscapeDataString(bundleName));
        await Assertions.Expect(page.Locator("table.list tbody tr td").Nth(2)).ToHaveTextAsync("BundleFixed");

        var product = await fixture.ApiJsonAsync(HttpMethod.Get, $"{Promotions}?count=10&page=1&name={Uri.EscapeDataString(name)}");
        var category = product["items"]![0]!["promotion"]!["category"]!;
        Assert.Equal(15, category["discount"]!.GetValue<decimal>());
        Assert.Equal("""[{"path":["Shop","Accessories"]},{"path":["Shop","Shoes","Sandals"]}]""", category["includedCategories"]!.ToJsonString());
        Assert.Equal("""["sku-9"]""", category["excludedProducts"]!.ToJsonString());
        var bundle = await fixture.ApiJsonAsync(HttpMethod.Get, $"{Promotions}?count=10&page=1&name={Uri.EscapeDataString(bundleName)}");
        var bundleCategory = bundle["items"]![0]!["promotion"]!["category"]!;
        Assert.Equal("""[{"productId":"sku-1","quantity":2},{"productId":"sku-2"}]""", bundleCategory["products"]!.ToJsonString());
        Assert.Equal(7.5m, bundleCategory["discounts"]![0]!["amount"]!.GetValue<decimal>());
        // The lists of the other kinds, left empty in the form, are not stored with the category.
        Assert.Equal(["discounts", "kind", "products"], bundleCategory.AsObject().Select(m => m.Key).Order());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_validation_error_on_a_category_member_is_shown_at_that_field()
    {
        var page = await fixture.EditorPageAsync();
        await page.GotoAsync("/console/promotions/new");
        await FillOfferAsync(page, "Too much off", "CartLevelPercentage", "150", "EUR");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create promotion" }).ClickAsync();

        await Assertions.Expect(page.Locator("#f-category-discount-error")).ToContainTextAsync("must be greater than 0 and at most 100");
        await Assertions.Expect(page.Locator("#f-category-discount")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#f-category-discount")).ToHaveValueAsync("150");
        await Assertions.Expect(page.Locator("#f-category-kind")).ToHaveValueAsync("CartLevelPercentage");
        await PageChecks.AccessibleAsync(page, "category-validation-error");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_APIs_validation_error_is_shown_at_the_field_it_names_and_the_form_keeps_its_values()
    {
        var page = await fixture.EditorPageAsync();
        await page.GotoAsync("/console/promotions/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to currencies" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-currencies-1--code")).ToBeVisibleAsync();
        await FillOfferAsync(page, "Invalid currency", "CartLevelPercentage", "10", "EURO");
        await page.Locator("#f-currencies-1--code").FillAsync("USD");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create promotion" }).ClickAsync();

        await Assertions.Expect(page.Locator("#f-currencies-0--code-error")).ToContainTextAsync("must be a 3-letter ISO 4217 code");
        await Assertions.Expect(page.Locator("#f-currencies-0--code")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#f-currencies-0--code")).ToHaveValueAsync("EURO");
        await Assertions.Expect(page.Locator("#f-currencies-1--code")).ToHaveValueAsync("USD");
        await Assertions.Expect(page.Locator("#f-name")).ToHaveValueAsync("Invalid currency");
        await PageChecks.AccessibleAsync(page, "validation-error");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_save_over_a_stale_version_is_explained_and_resolved_without_losing_the_form()
    {
        var created = await CreatePromotionAsync("Stale " + Guid.NewGuid().ToString("N")[..6], 5, 0);
        var id = created["id"]!.GetValue<string>();
        var page = await fixture.EditorPageAsync();
        await page.GotoAsync($"/console/promotions/{id}");
        await page.Locator("#f-description").FillAsync("mine");
        // The category is shown but cannot be changed once created (a replace refuses another one).
        await Assertions.Expect(page.Locator("#f-category-discount")).ToBeDisabledAsync();

        // Someone else replaces it meanwhile.
        var theirs = Replaceable(created);
        theirs["description"] = "theirs";
        await fixture.ApiJsonAsync(HttpMethod.Put, $"{Promotions}/{id}", theirs);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.conflict")).ToContainTextAsync("Someone changed this");
        await Assertions.Expect(page.Locator("#f-description")).ToHaveValueAsync("mine");
        await PageChecks.AccessibleAsync(page, "conflict");

        await page.GetByRole(AriaRole.Button, new() { Name = "Load the current version and keep my changes" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice[role=status]")).ToContainTextAsync("description");
        await Assertions.Expect(page.Locator("#f-description")).ToHaveValueAsync("mine");
        await SubmitAsync(page, "Save changes", "**?saved=1");

        var stored = await fixture.ApiJsonAsync(HttpMethod.Get, $"{Promotions}/{id}");
        Assert.Equal("mine", stored["promotion"]!["description"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(created["category"], stored["promotion"]!["category"]));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Deactivate_disables_the_promotion_in_the_API()
    {
        var created = await CreatePromotionAsync("Deactivate " + Guid.NewGuid().ToString("N")[..6], 5, 0);
        var id = created["id"]!.GetValue<string>();
        var page = await fixture.EditorPageAsync();
        await page.GotoAsync($"/console/promotions/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        await page.WaitForURLAsync("**?saved=1");
        await Assertions.Expect(page.Locator(".heading .status")).ToHaveTextAsync("Disabled");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Activate" })).ToBeVisibleAsync();

        var stored = await fixture.ApiJsonAsync(HttpMethod.Get, $"{Promotions}/{id}");
        Assert.False(stored["promotion"]!["active"]!.GetValue<bool>());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_coupon_gets_codes_and_a_CSV_import_with_bad_rows_completes_with_its_error_report()
    {
        var page = await fixture.EditorPageAsync();
        var name = "Coupon " + Guid.NewGuid().ToString("N")[..6];
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await page.GotoAsync("/console/coupons/new");
        await FillOfferAsync(page, name, "CartLevelPercentage", "5", "EUR");
        await SubmitAsync(page, "Create coupon", "**/console/coupons/*?saved=1");
        await PageChecks.AccessibleAsync(page, "coupon-edit");

        await page.GetByRole(AriaRole.Link, new() { Name = "Codes and imports" }).ClickAsync();
        await page.Locator("#f-codes").FillAsync("HAND" + suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add codes", Exact = true }).ClickAsync();
        var handRow = page.Locator("table.list tbody tr", new() { HasText = "HAND" + suffix });
        await Assertions.Expect(handRow).ToContainTextAsync("Active");
        await handRow.GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.list tbody tr", new() { HasText = "HAND" + suffix })).ToContainTextAsync("Inactive");
        await PageChecks.AccessibleAsync(page, "codes");

        var csv = $"code\nGOOD1{suffix}\nGOOD2{suffix}\nGOOD1{suffix}\nbad code!\nHAND{suffix}\n";
        await page.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "codes.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and import" }).ClickAsync();
        await page.WaitForURLAsync("**/imports/**");
        await Assertions.Expect(page.Locator(".import-status")).ToHaveTextAsync("COMPLETED", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".import-errors")).ToHaveTextAsync("3");
        var report = page.Locator("table.list tbody");
        await Assertions.Expect(report).ToContainTextAsync("duplicate_in_file");
        await Assertions.Expect(report).ToContainTextAsync("invalid_code");
        await Assertions.Expect(report).ToContainTextAsync("code_exists");
        await PageChecks.AccessibleAsync(page, "import");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the error report (CSV)" }).ClickAsync());
        var downloaded = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("line,code,reason,message", downloaded);
        Assert.Equal(4, downloaded.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("\"duplicate_in_file\"", downloaded);

        await page.GotoAsync("/console/coupons?name=" + Uri.EscapeDataString(name));
        await Assertions.Expect(page.Locator("table.list tbody tr")).ToHaveCountAsync(1);
        await PageChecks.AccessibleAsync(page, "coupons");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_cart_simulator_shows_discounts_in_order_the_reasons_of_the_others_and_keeps_saved_carts()
    {
        var applies = "Sim ten percent " + Guid.NewGuid().ToString("N")[..6];
        var tooSmall = "Sim big carts " + Guid.NewGuid().ToString("N")[..6];
        await CreatePromotionAsync(applies, 10, 0);
        await CreatePromotionAsync(tooSmall, 20, 100_000);
        var page = await fixture.EditorPageAsync();
        await page.GotoAsync("/console/simulator");
        await page.Locator("#f-items-0--productId").FillAsync("P1");
        await page.Locator("#f-items-0--price").FillAsync("20");
        await page.Locator("#f-items-0--quantity").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Price the cart" }).ClickAsync();

        var result = page.Locator("section.result");
        await Assertions.Expect(result.Locator("ol.discounts")).ToContainTextAsync(applies);
        await Assertions.Expect(result.Locator(".catalog-total")).ToHaveTextAsync("40.00 EUR");
        var notApplied = result.Locator("table.not-applied tr", new() { HasText = tooSmall });
        await Assertions.Expect(notApplied).ToHaveCountAsync(1);
        Assert.False(string.IsNullOrWhiteSpace(await notApplied.Locator("td").Nth(1).TextContentAsync()));
        await PageChecks.AccessibleAsync(page, "simulator");

        await page.Locator("#cart-name").FillAsync("two of P1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save this cart" }).ClickAsync();
        await page.GotoAsync("/console/simulator");
        await Assertions.Expect(page.Locator("#f-items-0--productId")).ToHaveValueAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Load two of P1" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-items-0--productId")).ToHaveValueAsync("P1");
        await Assertions.Expect(page.Locator("#f-items-0--quantity")).ToHaveValueAsync("2");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Configuration_pages_save_through_the_API_and_show_its_validation()
    {
        var page = await fixture.EditorPageAsync();
        await page.GotoAsync("/console/configuration");
        await page.Locator("#f-ids").FillAsync("EXCLUDED-1\nEXCLUDED-2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the exclusion list" }).ClickAsync();
        await page.WaitForURLAsync("**?saved=1");
        await Assertions.Expect(page.Locator("#f-ids")).ToHaveValueAsync("EXCLUDED-1\nEXCLUDED-2");
        await PageChecks.AccessibleAsync(page, "configuration");
        var exclusions = await fixture.ApiJsonAsync(HttpMethod.Get, "/v0/promotions/configuration/exclusions");
        Assert.Equal(["EXCLUDED-1", "EXCLUDED-2"], exclusions["ids"]!.AsArray().Select(i => i!.GetValue<string>()));

        await page.GotoAsync("/console/tppe");
        await page.Locator("#f-session-update-url").FillAsync("not a url");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the TPPE integration" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-session-update-url-error")).ToBeVisibleAsync();
        await PageChecks.AccessibleAsync(page, "tppe");

        await page.GotoAsync("/console/sales-order?key=big_sales_order");
        await page.Locator("#f-value").FillAsync("""{"soft_limit_for_big_orders": 7}""");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync("**saved=1");
        await PageChecks.AccessibleAsync(page, "sales-order");
        var bigOrders = await fixture.ApiJsonAsync(HttpMethod.Get, "/v0/config/sales_order/big_sales_order");
        Assert.Equal(7, bigOrders["value"]!["soft_limit_for_big_orders"]!.GetValue<int>());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_read_only_user_sees_no_edit_controls()
    {
        var created = await CreatePromotionAsync("Read only " + Guid.NewGuid().ToString("N")[..6], 5, 0);
        var page = await fixture.ViewerPageAsync();
        await Assertions.Expect(page.Locator("header .who")).ToContainTextAsync("read-only");
        await page.GotoAsync("/console/promotions");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "New promotion" })).ToHaveCountAsync(0);
        await page.GotoAsync($"/console/promotions/{created["id"]}");
        await Assertions.Expect(page.Locator("#f-name")).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save changes" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Deactivate" })).ToHaveCountAsync(0);
        await PageChecks.AccessibleAsync(page, "read-only");
        await page.GotoAsync("/console/configuration");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save the exclusion list" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_expired_session_is_sent_back_to_sign_in()
    {
        // A server of its own with a session idle time of five seconds, so the shared one keeps a long one.
        await using var server = await ConsoleServer.StartAsync(TimeSpan.FromSeconds(5));
        await server.SetPasswordAsync(ConsoleFixture.Tenant, ConsoleFixture.EditorName, ConsoleFixture.EditorPassword, readOnly: false);
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = server.Address.ToString() });
        var page = await context.NewPageAsync();
        await ConsoleFixture.SignInAsync(page, ConsoleFixture.EditorName, ConsoleFixture.EditorPassword);
        await page.WaitForURLAsync("**/console");
        await page.GotoAsync("/console/promotions");
        Assert.EndsWith("/console/promotions", page.Url, StringComparison.Ordinal);

        await Task.Delay(server.SessionIdleTimeout + TimeSpan.FromSeconds(2));
        await page.GotoAsync("/console/coupons");
        Assert.Contains("/console/sign-in?returnUrl=%2Fconsole%2Fcoupons", page.Url, StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_forged_antiforgery_token_is_refused_and_nothing_is_created()
    {
        var page = await fixture.EditorPageAsync();
        var name = "Forged " + Guid.NewGuid().ToString("N")[..6];
        await page.GotoAsync("/console/promotions/new");
        await FillOfferAsync(page, name, "CartLevelPercentage", "10", "EUR");
        await page.EvaluateAsync("() => document.querySelectorAll('input[name=__RequestVerificationToken]').forEach(i => i.value = 'CfDJ8forged')");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Create promotion" }).ClickAsync(),
            r => r.Request.Method == "POST");
        Assert.Equal(400, response.Status);

        var list = await fixture.ApiJsonAsync(HttpMethod.Get, $"{Promotions}?count=10&page=1&name={Uri.EscapeDataString(name)}");
        Assert.Equal(0, list["pagination"]!["total"]!.GetValue<long>());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_console_cookie_never_authenticates_an_API_call()
    {
        var page = await fixture.EditorPageAsync();
        var cookies = await page.Context.CookiesAsync();
        Assert.Contains(cookies, c => c.Name == ConsoleSchemes.CookieName && c.HttpOnly && c.SameSite == SameSiteAttribute.Strict);
        using var client = new HttpClient { BaseAddress = fixture.Server.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Promotions}?count=1&page=1");
        request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}")));
        using var response = await client.SendAsync(request);
        Assert.Equal(401, (int)response.StatusCode);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Sign_in_attempts_are_throttled_and_sign_out_ends_the_session()
    {
        var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        for (var i = 0; i < 6; i++)
        {
            await ConsoleFixture.SignInAsync(page, "nobody", "wrong password " + i);
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Too many sign-in attempts");
        await context.CloseAsync();

        var signedIn = await fixture.EditorPageAsync();
        await signedIn.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await signedIn.WaitForURLAsync("**/console/sign-in?signedOut=1");
        await signedIn.GotoAsync("/console");
        Assert.Contains("/console/sign-in", signedIn.Url, StringComparison.Ordinal);
        await signedIn.Context.CloseAsync();
    }

    /// <summary>Presses a button that should lead to <paramref name="url"/>; if it does not, the failure shows the page.</summary>
    private static async Task SubmitAsync(IPage page, string button, string url)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(url, new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"'{button}' did not lead to {url}; the page says:\n{await page.InnerTextAsync("main")}");
        }
    }

    /// <summary>Adds a row to the list at <paramref name="path"/> (posted and redrawn by the server).</summary>
    private static async Task AddRowAsync(IPage page, string path)
    {
        var rows = page.Locator($"[name='f.{path}#rows']");
        var before = await rows.InputValueAsync();
        await page.Locator($"button[value='add|{path}']").ClickAsync();
        await Assertions.Expect(rows).Not.ToHaveValueAsync(before);
    }

    private static async Task FillOfferAsync(IPage page, string name, string kind, string discount, string currency)
    {
        await page.Locator("#f-name").FillAsync(name);
        await page.Locator("#f-validFrom").FillAsync("2020-01-01T00:00:00Z");
        await page.Locator("#f-active").SelectOptionAsync("true");
        await page.Locator("#f-category-kind").SelectOptionAsync(kind);
        await page.Locator("#f-category-discount").FillAsync(discount);
        await page.Locator("#f-currencies-0--code").FillAsync(currency);
        await page.Locator("#f-currencies-0--minimumCartValue").FillAsync("0");
    }

    private async Task<JsonObject> CreatePromotionAsync(string name, decimal percent, decimal minimumCartValue)
    {
        var body = new JsonObject
        {
            ["name"] = name,
            ["validFrom"] = "2020-01-01T00:00:00Z",
            ["active"] = true,
            ["category"] = new JsonObject { ["kind"] = "CartLevelPercentage", ["discount"] = percent },
            ["currencies"] = new JsonArray(new JsonObject { ["code"] = "EUR", ["minimumCartValue"] = minimumCartValue }),
            ["stores"] = new JsonArray(),
        };
        var created = await fixture.ApiJsonAsync(HttpMethod.Post, Promotions, body);
        return created["promotion"]!.AsObject();
    }

    /// <summary>The replace body of a stored promotion: its request fields as stored.</summary>
    private static JsonObject Replaceable(JsonObject stored)
    {
        var body = new JsonObject();
        foreach (var field in new[] { "name", "description", "validFrom", "validTo", "active", "localizedTimezone", "category", "currencies", "stores", "exclusive", "segment", "version" })
        {
            body[field] = stored[field]?.DeepClone();
        }

        return body;
    }
}
