using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using JasKnowledge.Core.Content;
using JasKnowledge.Data;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Data.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JasKnowledge.Tests.EndToEnd;

/// <summary>Issue 24: a participant follows the Arabic health-insurance sheet, confirms from the mail,
/// an editor publishes a major change to it in the back office, the participant receives the alert in
/// Arabic, right to left, and unsubscribes from it; a later major change then sends nothing. The mails
/// are read from the test script's maildev. A portal of its own: the test publishes.</summary>
public sealed class AlertsJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private static readonly HttpClient Maildev = new()
    {
        BaseAddress = new Uri(Environment.GetEnvironmentVariable("JAS_TEST_MAILDEV_WEB") is { Length: > 0 } web
            ? web : throw new InvalidOperationException("JAS_TEST_MAILDEV_WEB is not set: run the tests through ./test.sh, which starts maildev.")),
    };

    [Fact]
    public async Task An_arabic_participant_follows_the_health_insurance_sheet_and_unsubscribes()
    {
        var email = $"journey-{Guid.NewGuid():N}@example.org";
        await using var context = await portal.NewContextAsync("ar");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/ar/informatie/de-zorgverzekering");
        var form = page.Locator("section.follow");
        await form.GetByLabel("البريد الإلكتروني").FillAsync(email);
        await Axe.AssertNoViolationsAsync(page, "alerts-ar-sheet-form");
        await form.Locator("button[type=submit]").ClickAsync();
        await page.Locator("#follow-result").WaitForAsync();
        await Axe.AssertNoViolationsAsync(page, "alerts-ar-check-mail");

        var confirmation = (await WaitForMailsAsync(email, 1))[0];
        await page.GotoAsync(PathOf(Link(confirmation, "/meldingen/bevestigen/")));
        // The link asks first (mail scanners open links by themselves); the participant confirms with the button.
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        await Axe.AssertNoViolationsAsync(page, "alerts-ar-confirm-question");
        await page.Locator("#follow-confirm").ClickAsync();
        await page.Locator("#follow-confirmed").WaitForAsync();
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        await Axe.AssertNoViolationsAsync(page, "alerts-ar-confirmed");

        await using (var office = await portal.NewContextAsync("nl-NL"))
            await PublishMajorInTheBackOfficeAsync(await office.NewPageAsync(), "تم تحديث معلومات التأمين الصحي");
        var alert = (await WaitForMailsAsync(email, 2))[^1];
        Assert.Contains("تم تحديث معلومات التأمين الصحي", alert.GetProperty("text").GetString());
        var html = await Maildev.GetStringAsync($"/api/email/{alert.GetProperty("id").GetString()}/html");
        Assert.Contains("dir=\"rtl\"", html);

        var unsubscribe = (await HeaderAsync(alert, "List-Unsubscribe")).Trim('<', '>');
        await page.GotoAsync(PathOf(unsubscribe));
        await Axe.AssertNoViolationsAsync(page, "alerts-ar-unsubscribe");
        await page.Locator("main button[type=submit], .prose button[type=submit]").First.ClickAsync();
        await page.Locator("#follow-unsubscribed").WaitForAsync();
        using (var scope = portal.Services.CreateScope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<JasDbContext>().AlertSubscriptions.AnyAsync(s => s.Email == email));

        await PublishMajorAsync("تغيير آخر بعد إلغاء الاشتراك");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(2, (await WaitForMailsAsync(email, 2)).Count);
    }

    /// <summary>An editor signs in, adds the note to the Arabic sheet and publishes it as a major change.</summary>
    private async Task PublishMajorInTheBackOfficeAsync(IPage page, string note)
    {
        const string password = "Redactie-Wachtwoord-2026";
        var editor = await portal.CreateAccountAsync(PortalRoles.Editor, password, mustChangePassword: false);
        Guid id;
        using (var scope = portal.Services.CreateScope())
            id = await scope.ServiceProvider.GetRequiredService<JasDbContext>().ContentItems
                .Where(i => i.Type == "info-sheet" && i.Slug == "de-zorgverzekering" && i.Culture == "ar").Select(i => i.Id).SingleAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserPortal.SignInAsync(page, editor, password);
        await page.ArrivedAtAsync("**/beheer");
        await page.GotoAsync($"/beheer/inhoud/{id}");
        var body = page.GetByLabel("Tekst (Markdown)");
        await body.FillAsync(await body.InputValueAsync() + "\n\n" + note);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Grote wijziging" }).CheckAsync();
        await page.GetByLabel("Wat veranderde er?").FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publiceren" }).ClickAsync();
        Assert.Contains("is gepubliceerd", await page.GetByRole(AriaRole.Status).First.InnerTextAsync());
    }

    private async Task PublishMajorAsync(string note)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JasDbContext>();
        var id = await db.ContentItems.Where(i => i.Type == "info-sheet" && i.Slug == "de-zorgverzekering" && i.Culture == "ar")
            .Select(i => i.Id).SingleAsync();
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        var item = (await store.FindAsync(id))!;
        var latest = item.Published!;
        await store.PublishNewVersionAsync(
            item, new VersionText(latest.Title, latest.Body + "\n\n" + note,
                latest.Summary, latest.Fields, note, true, latest.SourceVersion), "test");
    }

    /// <summary>The links in mails use the configured public address; the browser follows their path on this portal.</summary>
    private static string PathOf(string url) => new Uri(url).PathAndQuery;

    private static string Link(JsonElement mail, string part) =>
        Regex.Matches(mail.GetProperty("text").GetString() ?? "", @"https?://\S+").Select(m => m.Value)
            .First(u => u.Contains(part, StringComparison.Ordinal));

    /// <summary>A header as sent, from the raw message (maildev's parsed headers leave out the List-* ones).</summary>
    private static async Task<string> HeaderAsync(JsonElement mail, string name)
    {
        var source = await Maildev.GetStringAsync($"/api/email/{mail.GetProperty("id").GetString()}/source");
        var head = Regex.Split(source, @"\r?\n\r?\n")[0];
        var unfolded = Regex.Replace(head, @"\r?\n[ \t]+", " ");
        return unfolded.Split('\n').Select(l => l.TrimEnd('\r'))
            .Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(l => l[(name.Length + 1)..].Trim()).FirstOrDefault() ?? "";
    }

    private static async Task<List<JsonElement>> WaitForMailsAsync(string email, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var mails = (await Maildev.GetFromJsonAsync<JsonElement[]>("/api/email") ?? [])
                .Where(m => m.GetProperty("to").EnumerateArray().Any(t =>
                    string.Equals(t.GetProperty("address").GetString(), email, StringComparison.OrdinalIgnoreCase)))
                .ToList();
            if (mails.Count >= count) return mails;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{mails.Count} of {count} mails reached {email}");
            await Task.Delay(300);
        }
    }
}
