using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace JasKnowledge.Tests.EndToEnd;

/// <summary>
/// Waiting until a page has arrived at an address and finished loading. Playwright .NET's own
/// WaitForURLAsync checks the address and the load state first and listens for them afterwards; an event
/// delivered in between is lost and the wait runs into its timeout (microsoft/playwright-dotnet#3364; in
/// CI the translator's journey waited 90 s after sign-in with only "NetworkIdle event fired" in the log).
/// Both are asked of the browser side instead, which polls them: the address with Expect, then the new
/// document's readyState (the client's own load states can still hold the previous page's "load" then).
/// </summary>
public static class PageArrival
{
    /// <summary>As long as BrowserPortal gives every other wait: the other test assemblies share the two cores.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <param name="glob">Playwright's URL glob: <c>**</c> any characters, <c>*</c> any characters but '/',
    /// everything else literal (a '?' is the query string's).</param>
    public static async Task ArrivedAtAsync(this IPage page, string glob)
    {
        await Assertions.Expect(page).ToHaveURLAsync(Pattern(glob), new() { Timeout = (float)Patience.TotalMilliseconds });
        // Asked with EvaluateAsync: WaitForFunctionAsync evaluates through eval, which the portal's CSP forbids.
        var until = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < until)
        {
            try
            {
                if (await page.EvaluateAsync<bool>("() => document.readyState === 'complete'")) return;
            }
            catch (PlaywrightException)
            {
                // The context of a document that was replaced while it was asked.
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"{page.Url} did not finish loading in {Patience.TotalSeconds} s.");
    }

    public static Regex Pattern(string glob)
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            // Escaped for JavaScript too: Playwright hands the pattern to the browser side.
            if (glob[i] != '*') pattern.Append(@"\.+?^$()[]{}|/".Contains(glob[i], StringComparison.Ordinal) ? "\\" + glob[i] : glob[i].ToString());
            else if (i + 1 < glob.Length && glob[i + 1] == '*') { pattern.Append(".*"); i++; }
            else pattern.Append("[^/]*");
        }
        return new Regex(pattern.Append('$').ToString());
    }
}
