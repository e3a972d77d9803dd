using System.Net;
using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Blobs;
using JasKnowledge.Core.Content;
using JasKnowledge.Data.Assets;
using JasKnowledge.Web.Features.Handbook;
using JasKnowledge.Data;
using JasKnowledge.Data.Content;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Alerts;

/// <summary>The portal with its alerts sent through the test script's maildev.</summary>
public abstract class AlertsPortal(DatabaseKind kind) : IAsyncLifetime
{
    private TestDatabase? _database;
    public PortalFactory Factory { get; private set; } = null!;
    public DatabaseKind Kind => kind;
    /// <summary>The portal's settings, for another node on the same database.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(kind);
        var settings = Maildev.PortalSettings();
        settings["Jas:Alerts:RequestsPerAddressPerHour"] = "8";
        // Every test of the class posts from the same test client: the per-client limit has a test (and a node) of its own.
        settings["Jas:Alerts:RequestsPerClientPer10Minutes"] = "1000";
        Settings = settings;
        Factory = new PortalFactory(_database, settings: settings);
        Factory.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}

public sealed class SqliteAlertsPortal() : AlertsPortal(DatabaseKind.Sqlite);
public sealed class PostgresAlertsPortal() : AlertsPortal(DatabaseKind.PostgreSql);

/// <summary>Issue 24: subscribe, confirm, receive in the subscriber's language, unsubscribe with one
/// POST, nothing for a minor edit, weekly digests; through HTTP and a real SMTP server.</summary>
public abstract class AlertsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : AlertsPortal
{
    private const string HealthSheet = "informatie/de-zorgverzekering";

    private HttpClient Client() => fixture.Factory.CreateClient(new() { AllowAutoRedirect = false });

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private async Task<HttpResponseMessage> SubscribeAsync(string culture, string topic, string email, bool weekly = false) =>
        await Client().PostAsync($"/{culture}/meldingen",
            Form(("Topic", topic), ("Email", email), ("Frequency", weekly ? "wekelijks" : "meteen")));

    /// <summary>Subscribes and follows the link in the confirmation mail.</summary>
    private async Task ConfirmedAsync(string culture, string topic, string email, bool weekly = false)
    {
        var before = (await Maildev.MailsToAsync(email)).Count;
        var response = await SubscribeAsync(culture, topic, email, weekly);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var confirmation = (await Maildev.WaitForAsync(email, before + 1))[^1];
        var link = new Uri(Maildev.Link(confirmation, "/meldingen/bevestigen/"));
        // Opening the link (as a mail scanner would) asks; the button confirms.
        var asked = await Client().GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("follow-confirm\"", await asked.Content.ReadAsStringAsync());
        var confirmed = await Client().PostAsync(link.PathAndQuery, new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("follow-confirmed", await confirmed.Content.ReadAsStringAsync());
        // Single use.
        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync(link.PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client().PostAsync(link.PathAndQuery, new FormUrlEncodedContent([]))).StatusCode);
    }

    private async Task PublishAsync(string set, string culture, bool major, string note)
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JasDbContext>();
        var id = await db.ContentItems.Where(i => i.LocalizationSet == set && i.Culture == culture).Select(i => i.Id).SingleAsync();
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        var item = (await store.FindAsync(id))!;
        var latest = item.Published!;
        await store.PublishNewVersionAsync(item,
            new VersionText(latest.Title, latest.Body + "\n\n" + note, latest.Summary, latest.Fields, note, major, latest.SourceVersion), "test");
    }

    [Fact]
    public async Task A_mail_scanner_opening_the_link_confirms_nothing()
    {
        // Found by the attack of 5 December 2026: GET, and even HEAD, of the link confirmed the subscription, and mail
        // security scanners open every link in a mail.
        var email = Maildev.NewAddress("scanner");
        Assert.Equal(HttpStatusCode.OK, (await SubscribeAsync("nl", $"item:{HealthSheet}", email)).StatusCode);
        var link = new Uri(Maildev.Link((await Maildev.WaitForAsync(email, 1))[0], "/meldingen/bevestigen/"));

        Assert.Equal(HttpStatusCode.OK, (await Client().SendAsync(new HttpRequestMessage(HttpMethod.Head, link.PathAndQuery))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client().GetAsync(link.PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client().GetAsync(link.PathAndQuery)).StatusCode); // still open: nothing was used

        using var scope = fixture.Factory.Services.CreateScope();
        Assert.Null((await scope.ServiceProvider.GetRequiredService<JasDbContext>().AlertSubscriptions.SingleAsync(s => s.Email == email)).ConfirmedUtc);
    }

    [Fact]
    public async Task A_double_click_on_follow_gets_the_same_answer_twice_and_one_subscription()
    {
        // Found by the attack of 5 December 2026: the second of two posts at once hit the unique index and got a 500.
        for (var round = 0; round < 6; round++)
        {
            var email = Maildev.NewAddress("dubbel");
            var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => SubscribeAsync("nl", $"item:{HealthSheet}", email)));

            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
            using var scope = fixture.Factory.Services.CreateScope();
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<JasDbContext>().AlertSubscriptions.CountAsync(s => s.Email == email));
        }
    }

    [Fact]
    public async Task The_form_is_on_the_arabic_sheet_and_works_without_javascript()
    {
        var html = await Client().GetStringAsync("/ar/informatie/de-zorgverzekering");
        Assert.Contains("action=\"/ar/meldingen\"", html);
        Assert.Contains($"value=\"item:{HealthSheet}\"", html);
        Assert.Contains("name=\"Email\"", html);
    }

    [Fact]
    public async Task Confirmation_then_an_arabic_alert_right_to_left_then_unsubscribe_by_one_click_post()
    {
        var email = Maildev.NewAddress("ar");
        var response = await SubscribeAsync("ar", $"item:{HealthSheet}", email);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var confirmation = (await Maildev.WaitForAsync(email, 1)).Single();
        // Before confirming, a major publication sends nothing.
        await PublishAsync(HealthSheet, "ar", major: true, "قبل التأكيد");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(await Maildev.MailsToAsync(email));

        var link = new Uri(Maildev.Link(confirmation, "/meldingen/bevestigen/"));
        Assert.Equal(HttpStatusCode.OK, (await Client().PostAsync(link.PathAndQuery, new FormUrlEncodedContent([]))).StatusCode);

        await PublishAsync(HealthSheet, "ar", major: true, "تغيير مهم في التأمين الصحي");
        var alert = (await Maildev.WaitForAsync(email, 2))[^1];
        Assert.Contains("نسخة جديدة", alert.GetProperty("subject").GetString());
        Assert.Contains("تغيير مهم في التأمين الصحي", Maildev.Text(alert));
        Assert.Contains("/ar/informatie/de-zorgverzekering", Maildev.Text(alert));
        var html = await Maildev.HtmlAsync(alert);
        Assert.Contains("dir=\"rtl\"", html);
        Assert.Contains("lang=\"ar\"", html);
        Assert.Contains("Noto Sans Arabic", html);
        Assert.Equal("List-Unsubscribe=One-Click", await Maildev.HeaderAsync(alert, "List-Unsubscribe-Post"));
        var unsubscribe = new Uri((await Maildev.HeaderAsync(alert, "List-Unsubscribe")).Trim('<', '>'));

        // RFC 8058: a POST with this body, no cookie, no token.
        var done = await Client().PostAsync(unsubscribe.PathAndQuery, Form(("List-Unsubscribe", "One-Click")));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        using (var scope = fixture.Factory.Services.CreateScope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<JasDbContext>().AlertSubscriptions.AnyAsync(s => s.Email == email));

        await PublishAsync(HealthSheet, "ar", major: true, "بعد إلغاء الاشتراك");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(2, (await Maildev.MailsToAsync(email)).Count);
    }

    [Fact]
    public async Task A_minor_edit_sends_nothing_and_another_language_is_not_told()
    {
        var email = Maildev.NewAddress("minor");
        await ConfirmedAsync("so", $"item:{HealthSheet}", email);
        await PublishAsync(HealthSheet, "so", major: false, "Sixitaan yar");
        await PublishAsync(HealthSheet, "uk", major: true, "Інша мова");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(await Maildev.MailsToAsync(email));

        await PublishAsync(HealthSheet, "so", major: true, "Isbeddel weyn");
        var alert = (await Maildev.WaitForAsync(email, 2))[^1];
        Assert.Contains("Isbeddel weyn", Maildev.Text(alert));
        Assert.Contains("dir=\"ltr\"", await Maildev.HtmlAsync(alert));
    }

    [Fact]
    public async Task Weekly_subscribers_get_one_digest_with_every_change()
    {
        var email = Maildev.NewAddress("digest");
        await ConfirmedAsync("nl", "item:informatie/je-mentor", email, weekly: true);
        await ConfirmedAsync("nl", $"item:{HealthSheet}", email, weekly: true);
        // Both changes in one period: one published just before a period's end and one just after
        // rightly go into two digests.
        await Maildev.AtLeastLeftInDigestPeriodAsync(TimeSpan.FromSeconds(10));
        await PublishAsync("informatie/je-mentor", "nl", major: true, "Nieuw over de mentor");
        await PublishAsync(HealthSheet, "nl", major: true, "Nieuw over de zorgverzekering");
        var digest = (await Maildev.WaitForAsync(email, 3, TimeSpan.FromSeconds(60)))[^1];
        Assert.Contains("(2)", digest.GetProperty("subject").GetString());
        Assert.Contains("Nieuw over de mentor", Maildev.Text(digest));
        Assert.Contains("Nieuw over de zorgverzekering", Maildev.Text(digest));
        Assert.Contains("/meldingen/afmelden/", await Maildev.HeaderAsync(digest, "List-Unsubscribe"));
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.Equal(3, (await Maildev.MailsToAsync(email)).Count);
    }

    [Fact]
    public async Task A_new_edition_lists_the_chapters_whose_text_differs_from_the_previous_edition()
    {
        var email = Maildev.NewAddress("edition");
        await ConfirmedAsync("nl", HandbookFeature.EditionsAlertTopic, email);
        using var scope = fixture.Factory.Services.CreateScope();
        var editions = scope.ServiceProvider.GetRequiredService<HandbookEditions>();
        var previous = (await editions.ListAsync())[0];
        var text = (await editions.SourceAsync(previous))!;
        // Known differences: one chapter's text, one chapter added, the last one removed. Every chapter
        // was published (imported) after the previous edition's date: publication dates would list them all.
        var chapters = text.Chapters.ToList();
        var (changed, unchanged, removed) = (chapters[1], chapters[2], chapters[^1]);
        chapters[1] = changed with { Body = changed.Body + "\n\nEen zin die alleen in deze editie staat." };
        chapters.Remove(removed);
        chapters.Add(new EditionSourceChapter("een-nieuw-hoofdstuk", "Een nieuw hoofdstuk", 99, "De tekst van het nieuwe hoofdstuk."));
        var digest = EditionSource.Digest(chapters.Select(c => (c.Slug, c.Title, c.Body)));
        var json = new MemoryStream();
        await new EditionSource("9.0", digest, chapters).WriteAsync(json);
        // As the import does: the text first, then the PDF whose publication is the alert.
        await AddRevisionAsync(scope.ServiceProvider, HandbookFeature.SourceSlug,
            "het-gesprek-handboek-9.0.bron.json", EditionSource.MediaType, json.ToArray(), digest);
        await AddRevisionAsync(scope.ServiceProvider, HandbookFeature.PdfSlug,
            "het-gesprek-handboek-9.0.pdf", "application/pdf", "%PDF-1.7\n%test\n"u8.ToArray(), digest);

        var alert = (await Maildev.WaitForAsync(email, 2))[^1];
        var listed = Maildev.Text(alert).ReplaceLineEndings("\n").Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { $"- {changed.Title}", "- Een nieuw hoofdstuk", $"- {removed.Title}" }.Order(), listed.Order());
        Assert.DoesNotContain($"- {unchanged.Title}", listed);
        Assert.Contains("/nl/handboek/edities/9.0", Maildev.Text(alert));
    }

    private static async Task AddRevisionAsync(IServiceProvider services, string slug, string fileName, string mediaType, byte[] bytes, string source)
    {
        var files = services.GetRequiredService<FileRevisionStore>();
        var asset = (await files.FindAsync(HandbookFeature.EditionCulture, slug))!;
        var stored = await StoredFile.StoreAsync(services.GetRequiredService<IBlobStore>(), new MemoryStream(bytes), mediaType);
        var revision = asset.AddRevision(stored, "9.0", fileName, "Een editie met bekende verschillen.", DateTime.UtcNow, source);
        await files.SaveAsync(asset, [revision], "test");
    }

    [Fact]
    public async Task Bad_addresses_get_a_clear_message_and_the_answer_never_tells_who_is_subscribed()
    {
        var bad = await SubscribeAsync("nl", $"item:{HealthSheet}", "naam@127.0.0.1", weekly: true);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var refusal = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Vul een geldig e-mailadres in", refusal);
        // The form comes back as it was sent, its field pointing at the message: nothing is typed twice.
        Assert.Matches("<input id=\"follow-email\"[^>]*value=\"naam@127.0.0.1\"[^>]*aria-invalid=\"true\" aria-describedby=\"follow-problem\"", refusal);
        Assert.Matches("value=\"wekelijks\" checked", refusal);
        Assert.Equal(HttpStatusCode.NotFound, (await SubscribeAsync("nl", "item:bestaat/niet", Maildev.NewAddress("x"))).StatusCode);

        var known = Maildev.NewAddress("known");
        await ConfirmedAsync("nl", $"item:{HealthSheet}", known);
        var again = await SubscribeAsync("nl", $"item:{HealthSheet}", known);
        var fresh = await SubscribeAsync("nl", $"item:{HealthSheet}", Maildev.NewAddress("fresh"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(Result(await fresh.Content.ReadAsStringAsync()), Result(await again.Content.ReadAsStringAsync()));

        static string Result(string html) =>
            System.Text.RegularExpressions.Regex.Match(html, "<p class=\"notice\" role=\"status\" id=\"follow-result\">[^<]*</p>").Value;
    }

    [Fact]
    public async Task More_than_the_allowed_pending_confirmations_for_one_address_are_refused()
    {
        var email = Maildev.NewAddress("pending");
        var sheets = new[] { "de-zorgverzekering", "je-mentor", "het-24x24-programma",
            "het-gesprek-en-de-participatieverklaring", "je-klantmanager" };
        foreach (var sheet in sheets) Assert.Equal(HttpStatusCode.OK, (await SubscribeAsync("nl", $"item:informatie/{sheet}", email)).StatusCode);
        // Five pending confirmations is the default limit (Jas:Alerts:MaxPendingPerAddress).
        var sixth = await SubscribeAsync("nl", "item:informatie/stages-en-werk", email);
        Assert.Equal(HttpStatusCode.BadRequest, sixth.StatusCode);
        Assert.Contains("wachten al te veel aanmeldingen", await sixth.Content.ReadAsStringAsync());
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(5, (await Maildev.WaitForAsync(email, 5)).Count);
    }

    [Fact]
    public async Task The_per_address_limit_holds_for_a_burst_of_requests_at_once()
    {
        // Found by the attack of 5 December 2026: 16 posts at once all passed the count before any was written.
        var email = Maildev.NewAddress("burst");
        Assert.Equal(HttpStatusCode.OK, (await SubscribeAsync("nl", $"item:{HealthSheet}", email)).StatusCode);
        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => SubscribeAsync("nl", $"item:{HealthSheet}", email)));

        Assert.All(answers, a => Assert.Contains((int)a.StatusCode, new[] { 200, 429 }));
        using var scope = fixture.Factory.Services.CreateScope();
        var queued = await scope.ServiceProvider.GetRequiredService<JasDbContext>().AlertDeliveries.CountAsync(d => d.Email == email);
        // The fixture allows 8 an hour, and each request answered 200 queued one mail. (PostgreSQL may refuse a
        // request of the burst that it could not put in order three times, as too many, before 8 are reached.)
        Assert.InRange(queued, 2, 8);
        Assert.Equal(queued - 1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
    }

    [Fact]
    public async Task The_per_address_limit_holds_for_all_nodes_together()
    {
        var email = Maildev.NewAddress("nodes");
        await using var other = StartOtherNode();
        var nodes = new[] { Client(), other.CreateClient(new() { AllowAutoRedirect = false }) };
        // The fixture allows 8 mails to one address per hour: asking again for the same sheet sends a new
        // confirmation each time, four through each node.
        for (var i = 0; i < 8; i++)
            Assert.Equal(HttpStatusCode.OK,
                (await nodes[i % 2].PostAsync("/nl/meldingen", Form(("Topic", $"item:{HealthSheet}"), ("Email", email)))).StatusCode);
        foreach (var node in nodes)
        {
            var refused = await node.PostAsync("/nl/meldingen", Form(("Topic", $"item:{HealthSheet}"), ("Email", email)));
            Assert.Equal((HttpStatusCode)429, refused.StatusCode);
            Assert.Contains("Te veel aanmeldingen", await refused.Content.ReadAsStringAsync());
        }
        await Maildev.WaitForAsync(email, 8);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(8, (await Maildev.MailsToAsync(email)).Count);
    }

    /// <summary>The refusal had been a bare line of text from the rate-limiting middleware, without the page, the way back
    /// or the address typed (the review of 6 December 2026): now it is the form again, as sent, with the message.</summary>
    [Fact]
    public async Task The_per_client_limit_refuses_the_next_request_with_the_form_as_sent_and_when_to_try_again()
    {
        await using var node = StartOtherNode(("Jas:Alerts:RequestsPerClientPer10Minutes", "3"));
        var client = node.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.BadRequest,
                (await client.PostAsync("/nl/meldingen", Form(("Topic", $"item:{HealthSheet}"), ("Email", "geen-adres")))).StatusCode);

        var typed = Maildev.NewAddress("client");
        var refused = await client.PostAsync("/nl/meldingen", Form(("Topic", $"item:{HealthSheet}"), ("Email", typed), ("Frequency", "wekelijks")));
        var arabic = await client.PostAsync("/ar/meldingen", Form(("Topic", $"item:{HealthSheet}"), ("Email", Maildev.NewAddress("client"))));

        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        var wait = refused.Headers.RetryAfter?.Delta;
        Assert.True(wait > TimeSpan.Zero && wait <= TimeSpan.FromMinutes(10), $"Retry-After: {refused.Headers.RetryAfter}");
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Te veel aanmeldingen", page);
        Assert.Contains("<html", page);
        Assert.Contains($"value=\"{typed}\"", page);
        Assert.Matches("value=\"wekelijks\"[^>]*checked", page);
        Assert.Equal((HttpStatusCode)429, arabic.StatusCode);
        Assert.Contains("عدد كبير جدًا من طلبات الاشتراك", await arabic.Content.ReadAsStringAsync());
        Assert.Contains("dir=\"rtl\"", await arabic.Content.ReadAsStringAsync());
        // Reading is not limited: the sheet and its form still open.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/nl/informatie/de-zorgverzekering")).StatusCode);
        Assert.Empty(await Maildev.MailsToAsync(typed));
    }

    /// <summary>Five mails an hour, hour after hour, were still 120 a day to an address that asked for none (the attack of 6 December 2026).</summary>
    [Fact]
    public async Task The_per_address_limit_also_holds_over_a_day()
    {
        var email = Maildev.NewAddress("day");
        await using var node = StartOtherNode(("Jas:Alerts:RequestsPerAddressPerDay", "2"));
        var client = node.CreateClient(new() { AllowAutoRedirect = false });
        // Two answers, then moved back three hours (out of the hour's limit, inside the day's), then one request more.
        foreach (var topic in new[] { $"item:{HealthSheet}", "item:informatie/stages-en-werk" })
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/nl/meldingen", Form(("Topic", topic), ("Email", email)))).StatusCode);
        using (var scope = node.Services.CreateScope())
        {
            var earlier = DateTime.UtcNow.AddHours(-3);
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<JasDbContext>().AlertDeliveries.Where(d => d.Email == email)
                .ExecuteUpdateAsync(d => d.SetProperty(x => x.CreatedUtc, earlier)));
        }

        var refused = await client.PostAsync("/nl/meldingen", Form(("Topic", $"item:{HealthSheet}"), ("Email", email)));

        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.Equal("3600", refused.Headers.RetryAfter?.ToString());
        Assert.Contains("Te veel aanmeldingen", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unconfirmed_address_is_deleted_when_its_link_expires_and_the_link_then_fails()
    {
        var email = Maildev.NewAddress("sweep");
        await using var node = StartOtherNode(("Jas:Alerts:ConfirmationValidFor", "00:00:04"));
        var response = await node.CreateClient(new() { AllowAutoRedirect = false })
            .PostAsync("/nl/meldingen", Form(("Topic", $"item:{HealthSheet}"), ("Email", email)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = new Uri(Maildev.Link((await Maildev.WaitForAsync(email, 1))[0], "/meldingen/bevestigen/"));

        // The sender (whichever node holds its lock) deletes the address once the link has expired.
        using var scope = fixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JasDbContext>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await db.AlertSubscriptions.AnyAsync(s => s.Email == email) && DateTime.UtcNow < deadline) await Task.Delay(250);
        Assert.False(await db.AlertSubscriptions.AnyAsync(s => s.Email == email));
        Assert.False(await db.AlertDeliveries.AnyAsync(d => d.Email == email));
        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync(link.PathAndQuery)).StatusCode);
    }

    /// <summary>Another node of the portal on the fixture's database (its own data folder, as in server mode).</summary>
    private PortalFactory StartOtherNode(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>(fixture.Settings);
        foreach (var (key, value) in more) settings[key] = value;
        var node = new PortalFactory(fixture.Factory.Database, settings: settings);
        node.CreateClient().Dispose();
        return node;
    }

    [Fact]
    public async Task Managing_lists_the_subscriptions_and_deletes_everything()
    {
        var email = Maildev.NewAddress("manage");
        await ConfirmedAsync("nl", "handboek", email);
        using var scope = fixture.Factory.Services.CreateScope();
        var links = scope.ServiceProvider.GetRequiredService<JasKnowledge.Web.Features.Alerts.AlertLinks>();
        using var answer = await Client().GetAsync(links.ManagePath("nl", email));
        var manage = await answer.Content.ReadAsStringAsync();
        Assert.Contains("Het handboek Het Gesprek", manage);
        // One person's subscriptions behind a secret link: kept by no proxy and no browser (the attack of 6 December 2026).
        Assert.True(answer.Headers.CacheControl?.NoStore, $"Cache-Control: {answer.Headers.CacheControl}");
        await scope.ServiceProvider.GetRequiredService<JasKnowledge.Web.Features.Alerts.AlertSubscriptions>().DeleteAsync(email, null, default);
        Assert.False(await scope.ServiceProvider.GetRequiredService<JasDbContext>().AlertSubscriptions.AnyAsync(s => s.Email == email));
    }
}

public sealed class SqliteAlertsTests(SqliteAlertsPortal fixture) : AlertsTests<SqliteAlertsPortal>(fixture);
public sealed class PostgresAlertsTests(PostgresAlertsPortal fixture) : AlertsTests<PostgresAlertsPortal>(fixture);
