using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace JasKnowledge.Tests.EndToEnd;

public static class Axe
{
    /// <summary>Saves a screenshot for the test report, then fails on any axe violation, naming each.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string name)
    {
        await Screenshots.SaveAsync(page, Path.Combine(BrowserPortal.Artifacts, $"{name}.png"), fullPage: true);
        var result = await page.RunAxe();
        var violations = string.Join(
            "\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))})"));
        Assert.True(result.Violations.Length == 0, $"axe found violations on {page.Url}:\n{violations}");
    }
}
