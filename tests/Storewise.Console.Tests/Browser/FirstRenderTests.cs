using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;

namespace Storewise.BackOffice.Tests.Browser;

/// <summary>
/// Time to first render of the promotions list in headless Chromium, as the browser reports it (navigation timing and
/// first contentful paint), written to the test output for docs/performance.md; and the page downloads no framework.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class FirstRenderTests(ConsoleFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task The_promotions_list_renders_without_a_framework_download_and_reports_its_first_paint()
    {
        var page = await fixture.EditorPageAsync();
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        await page.GotoAsync("/console/promotions");
        var timing = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const nav = performance.getEntriesByType('navigation')[0];
              // The paint entry can be recorded a frame after the load event: wait for it (buffered), for at most 5 s.
              const firstContentfulPaint = await new Promise(resolve => {
                new PerformanceObserver((list, observer) => {
                  const entry = list.getEntriesByName('first-contentful-paint')[0];
                  if (entry) { observer.disconnect(); resolve(entry.startTime); }
                }).observe({ type: 'paint', buffered: true });
                setTimeout(() => resolve(-1), 5000);
              });
              const bytes = performance.getEntriesByType('resource').reduce((sum, r) => sum + r.decodedBodySize, nav.decodedBodySize);
              return { responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd, firstContentfulPaint, bytes };
            }
            """);
        var paint = timing.GetProperty("firstContentfulPaint").GetDouble();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"promotions list: response end {timing.GetProperty("responseEnd").GetDouble():F1} ms, DOMContentLoaded {timing.GetProperty("domContentLoaded").GetDouble():F1} ms, first contentful paint {paint:F1} ms, {timing.GetProperty("bytes").GetDouble():F0} bytes decoded"));
        Assert.True(paint > 0, "Chromium reported no first contentful paint");
        Assert.Equal(3, requested.Count);
        Assert.DoesNotContain(requested, url => url.Contains("_framework", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }
}
