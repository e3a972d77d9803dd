using Microsoft.Playwright;

namespace JasKnowledge.Tests.EndToEnd;

/// <summary>Screenshots for the test report, of the page as a person would look at it; the assertions are the tests. Chromium
/// now and then answers "Unable to capture screenshot" on a busy machine (seen about once in 80 captures, and once failing a
/// whole journey in a full run of 6 December 2026), so a capture is tried up to three times before the test fails on it.</summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string file, bool fullPage = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = fullPage });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }
    }
}
