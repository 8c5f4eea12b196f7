using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Storewise.BackOffice.Tests.Browser;

/// <summary>
/// What every page visited must pass: no serious or critical axe-core violation. With
/// <c>STOREWISE_CONSOLE_SCREENSHOTS=1</c> the page is also photographed for docs/console.md, into the folder beside it.
/// </summary>
public static class PageChecks
{
    public static async Task AccessibleAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        var bad = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(' ', n.Target?.ToString() ?? "")))}")
            .ToList();
        Assert.True(bad.Count == 0, $"{name} ({page.Url}):\n" + string.Join("\n", bad));
        if (Environment.GetEnvironmentVariable("STOREWISE_CONSOLE_SCREENSHOTS") == "1")
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryRoot(), "docs", "console", name + ".png"), FullPage = true });
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Storewise.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
