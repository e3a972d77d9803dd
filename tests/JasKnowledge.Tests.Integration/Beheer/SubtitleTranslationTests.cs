using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using JasKnowledge.Core.Content;
using JasKnowledge.Data;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Data.Content;
using JasKnowledge.Tests.Integration.Infrastructure;
using JasKnowledge.Web.Features.Translations;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Beheer;

/// <summary>A film's subtitles (its only words) and its "what the film shows" sentence are translated like its text, on both
/// databases: cue by cue in XLIFF and in the back office's editor, on the Dutch film's times, each cue held to what a reader
/// can follow; a cue whose Dutch text changed is offered for review and not taken from an old file.</summary>
public abstract partial class SubtitleTranslationTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    private static readonly XNamespace X = InlineCodes.Xliff;
    private const string Page = "/beheer/vertalingen";
    private const string DutchCues = "WEBVTT\n\n1\n00:00:00.200 --> 00:00:04.200\nIn een nieuw land\nken je weinig mensen.\n\n"
        + "2\n00:00:04.300 --> 00:00:06.300\nDaarom krijg je een mentor.\n";
    private WebApplicationFactory<Program> Host => _host ??= BackOffice.WithLoginLimit(fixture.Factory, 1000);
    private WebApplicationFactory<Program>? _host;

    private async Task<ContentItem?> FindAsync(string set, string culture)
    {
        using var scope = Host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync(set, culture);
    }

    private async Task<int> PublishDutchFilmAsync(string set, string cues = DutchCues, string note = "Film.")
    {
        using var scope = Host.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        var item = await store.FindAsync(set, "nl") ?? new ContentItem { Type = "video", Culture = "nl", LocalizationSet = set, Slug = set.Split('/')[^1] };
        var fields = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["shows"] = "De tekeningen laten een mentor en een deelnemer zien.",
            ["order"] = 99,
            ["subtitles"] = cues,
        });
        return (await store.PublishNewVersionAsync(item, new VersionText("Proeffilm", "Over de mentor.", Fields: fields, ChangeNote: note, IsMajor: true),
            "test")).Number;
    }

    private static XElement Unit(XDocument file, string set, string id) => file.Root!.Elements(X + "file")
        .Single(f => (string?)f.Attribute("original") == set).Descendants(X + "trans-unit").Single(u => (string?)u.Attribute("id") == id);

    /// <summary>The export cut down to one item, every target filled: blocks and title marked Arabic, cues and the sentence in Arabic.</summary>
    private static XDocument Filled(string xliff, string set, params string[] cues)
    {
        var document = XDocument.Parse(xliff, LoadOptions.PreserveWhitespace);
        document.Root!.Elements(X + "file").Where(f => (string?)f.Attribute("original") != set).Remove();
        foreach (var unit in document.Descendants(X + "trans-unit"))
        {
            var id = (string)unit.Attribute("id")!;
            var target = unit.Element(X + "target")!;
            target.ReplaceNodes(id.StartsWith("subtitles.", StringComparison.Ordinal) ? cues[int.Parse(id[10..]) - 1]
                : id == "shows.1" ? "الرسوم تُظهر مرشدًا ومشاركًا." : "ع " + unit.Element(X + "source")!.Value);
            target.SetAttributeValue("state", "translated");
        }
        return document;
    }

    private static async Task<string> ImportAsync(HttpClient client, XDocument file, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var token = await BackOffice.TokenAsync(client, Page);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("ar"), "lang" },
            { new StringContent(file.Declaration + file.ToString(SaveOptions.DisableFormatting)), "file", "vertaling.xlf" },
        };
        var response = await client.PostAsync($"{Page}?handler=Xliff", form);
        Assert.Equal(expected, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpClient> TranslatorAsync() =>
        await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Translator));

    [Fact]
    public async Task A_films_cues_go_out_one_unit_each_with_their_time_and_come_back_on_the_dutch_times()
    {
        const string set = "video/xliff-ondertitels";
        var version = await PublishDutchFilmAsync(set);
        var translator = await TranslatorAsync();
        var export = XDocument.Parse(await translator.GetStringAsync($"{Page}?handler=Xliff&lang=ar&all=true"), LoadOptions.PreserveWhitespace);
        var film = export.Root!.Elements(X + "file").Single(f => (string?)f.Attribute("original") == set);
        var first = film.Descendants(X + "trans-unit").Single(u => (string?)u.Attribute("id") == "subtitles.1");
        Assert.Equal("In een nieuw land\nken je weinig mensen.", first.Element(X + "source")!.Value);
        Assert.Equal("needs-translation", (string?)first.Element(X + "target")!.Attribute("state"));
        Assert.Contains(first.Elements(X + "note"), n => n.Value.StartsWith("ondertitel 1, 0:00,2–0:04,2 (4,0 s)", StringComparison.Ordinal));
        Assert.Contains(film.Descendants(X + "trans-unit"), u => (string?)u.Attribute("id") == "shows.1");
        // The Dutch-only fields (the film's place in the list) are not for translators.
        Assert.DoesNotContain(film.Descendants(X + "trans-unit"), u => ((string)u.Attribute("id")!).StartsWith("order", StringComparison.Ordinal));

        var report = await ImportAsync(translator, Filled(export.ToString(), set, "في بلد جديد\nتعرف أناسًا قليلين.", "لذلك تحصل على مرشد."));

        Assert.Contains("Import: 1 item als concept, niets overgeslagen", report);
        var draft = (await FindAsync(set, "ar"))!.Draft!;
        Assert.Equal(version, draft.SourceVersion);
        Assert.Equal("WEBVTT\n\n1\n00:00:00.200 --> 00:00:04.200\nفي بلد جديد\nتعرف أناسًا قليلين.\n\n"
            + "2\n00:00:04.300 --> 00:00:06.300\nلذلك تحصل على مرشد.\n", VersionFields.Text(draft.Fields, "subtitles"));
        Assert.Equal("الرسوم تُظهر مرشدًا ومشاركًا.", VersionFields.Text(draft.Fields, "shows"));
        Assert.Null(JsonDocument.Parse(draft.Fields!).RootElement.TryGetProperty("order", out _) ? "order" : null);
    }

    [Fact]
    public async Task A_cue_too_long_to_read_in_its_time_is_named_and_the_film_is_not_imported()
    {
        const string set = "video/xliff-te-lange-ondertitel";
        await PublishDutchFilmAsync(set);
        var translator = await TranslatorAsync();
        var export = await translator.GetStringAsync($"{Page}?handler=Xliff&lang=ar&all=true");

        var report = await ImportAsync(translator, Filled(export, set, "في بلد جديد\nتعرف أناسًا قليلين.",
            "لذلك تحصل في البرنامج على مرشد يساعدك كثيرًا"));

        Assert.Contains("1 item niet geïmporteerd", report);
        Assert.Matches(@"subtitles\.2.*44 tekens in 2,0 seconden; hier passen er hoogstens 34", report);
        Assert.Null(await FindAsync(set, "ar"));
    }

    [Fact]
    public async Task A_cue_changed_in_dutch_is_offered_for_review_and_an_older_file_cannot_bring_it_back()
    {
        const string set = "video/xliff-veranderde-ondertitel";
        await PublishDutchFilmAsync(set);
        var translator = await TranslatorAsync();
        var export = await translator.GetStringAsync($"{Page}?handler=Xliff&lang=ar&all=true");
        var old = Filled(export, set, "في بلد جديد\nتعرف أناسًا قليلين.", "لذلك تحصل على مرشد.");
        await ImportAsync(translator, old);
        using (var scope = Host.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
            var arabic = (await store.FindAsync(set, "ar"))!;
            await store.PublishAsync(arabic, arabic.Draft!.Number, "test");
        }
        await PublishDutchFilmAsync(set, DutchCues.Replace("Daarom krijg je een mentor.", "Daarom krijg je een maatje."), "Ondertitel 2.");

        // The translators' mail names the cue that changed, as the only change to the film.
        using (var scope = Host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JasDbContext>();
            var dutchId = (await FindAsync(set, "nl"))!.Id;
            var notification = await db.AlertNotifications.OrderBy(n => n.Id).LastAsync(n => n.Topic == DutchChangeMail.Topic && n.Path.EndsWith(dutchId.ToString()));
            Assert.Equal("Ondertitels: 2", notification.Changes);
        }
        var again = XDocument.Parse(await translator.GetStringAsync($"{Page}?handler=Xliff&lang=ar"), LoadOptions.PreserveWhitespace);
        Assert.Equal("translated", (string?)Unit(again, set, "subtitles.1").Element(X + "target")!.Attribute("state"));
        Assert.Equal("في بلد جديد\nتعرف أناسًا قليلين.", Unit(again, set, "subtitles.1").Element(X + "target")!.Value);
        Assert.Equal("needs-review-translation", (string?)Unit(again, set, "subtitles.2").Element(X + "target")!.Attribute("state"));
        Assert.Equal("Daarom krijg je een maatje.", Unit(again, set, "subtitles.2").Element(X + "source")!.Value);

        var report = await ImportAsync(translator, old);
        Assert.Contains("unit subtitles.2: de Nederlandse tekst van deze unit is veranderd", report);
        Assert.Null((await FindAsync(set, "ar"))!.Draft);
    }

    [Fact]
    public async Task A_translator_starts_a_film_and_writes_its_subtitles_cue_by_cue_in_the_editor()
    {
        const string set = "video/ondertitels-in-de-editor";
        await PublishDutchFilmAsync(set);
        var translator = await TranslatorAsync();
        var token = await BackOffice.TokenAsync(translator, Page);
        var start = await BackOffice.PostFormAsync(translator, $"{Page}?handler=Start", token, [new("set", set), new("culture", "ar")]);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var arabic = (await FindAsync(set, "ar"))!;
        // The new translation starts from the Dutch cues and sentence, so the form has every cue; the Dutch-only fields stay Dutch.
        Assert.Equal(DutchCues, VersionFields.Text(arabic.Draft!.Fields, "subtitles"));
        Assert.DoesNotContain("order", arabic.Draft.Fields);

        var url = $"/beheer/inhoud/{arabic.Id}";
        var editor = WebUtility.HtmlDecode(await translator.GetStringAsync(url));
        Assert.Contains("<legend>Ondertitels</legend>", editor);
        Assert.Contains("data-field-part=\"subtitles.2\"", editor);
        Assert.Contains("ondertitel 2, 0:04,3–0:06,3 (2,0 s)", editor);
        Assert.Matches("<p class=\"field-parts__dutch\" lang=\"nl\" dir=\"ltr\" id=\"part-0-1-nl\">Daarom krijg je een mentor.</p>", editor);
        Assert.Contains("<legend>Wat de film laat zien</legend>", editor);

        var stamp = WebUtility.HtmlDecode(BaseField().Match(editor).Groups[1].Value);
        List<KeyValuePair<string, string>> Form(string second) =>
        [
            new("Base", stamp), new("Title", "فيلم تجريبي"), new("Body", "عن المرشد."), new("ChangeNote", "ترجمة"), new("IsMajor", "true"),
            new("Parts[0].Name", "subtitles"), new("Parts[0].Texts[0]", "في بلد جديد\r\nتعرف أناسًا قليلين."), new("Parts[0].Texts[1]", second),
            new("Parts[1].Name", "shows"), new("Parts[1].Texts[0]", "الرسوم تُظهر مرشدًا ومشاركًا."),
        ];
        var editToken = await BackOffice.TokenAsync(translator, url);

        var refused = await BackOffice.PostFormAsync(translator, $"{url}?handler=Publish", editToken,
            Form("لذلك تحصل في البرنامج\nعلى مرشد يساعدك كثيرًا"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Ondertitels, deel 2: 44 tekens in 2,0 seconden; hier passen er hoogstens 34", page);
        Assert.Contains("aria-invalid=\"true\">لذلك تحصل في البرنامج\nعلى مرشد يساعدك كثيرًا</textarea>", page);
        Assert.Null((await FindAsync(set, "ar"))!.Published);

        var published = await BackOffice.PostFormAsync(translator, $"{url}?handler=Publish", editToken, Form("لذلك تحصل على مرشد."));
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var version = (await FindAsync(set, "ar"))!.Published!;
        Assert.Equal("الرسوم تُظهر مرشدًا ومشاركًا.", VersionFields.Text(version.Fields, "shows"));

        // The public track: the Arabic cues on the Dutch times, each line marked right to left for the player.
        var track = await fixture.Factory.CreateClient().GetStringAsync("/ar/video/ondertitels-in-de-editor.vtt");
        Assert.Equal("WEBVTT\n\n1\n00:00:00.200 --> 00:00:04.200\n\u200Fفي بلد جديد\n\u200Fتعرف أناسًا قليلين.\n\n"
            + "2\n00:00:04.300 --> 00:00:06.300\n\u200Fلذلك تحصل على مرشد.\n", track);
    }

    [Fact]
    public async Task A_form_without_the_cue_boxes_or_with_them_unchanged_leaves_the_subtitles_as_they_are()
    {
        const string set = "video/ondertitels-ongemoeid";
        await PublishDutchFilmAsync(set);
        var editor = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Editor));
        var dutch = (await FindAsync(set, "nl"))!;
        var url = $"/beheer/inhoud/{dutch.Id}";
        var html = WebUtility.HtmlDecode(await editor.GetStringAsync(url));
        // The Dutch item's own cues are in the boxes, without a second copy beside them.
        Assert.Contains(">Daarom krijg je een mentor.</textarea>", html);
        Assert.DoesNotContain("field-parts__dutch", html);
        var token = await BackOffice.TokenAsync(editor, url);

        var withoutBoxes = await BackOffice.PostFormAsync(editor, $"{url}?handler=Publish", token,
            [new("Base", WebUtility.HtmlDecode(BaseField().Match(html).Groups[1].Value)), new("Title", "Proeffilm"), new("Body", "Over de mentor, kort."),
                new("ChangeNote", "Tekst."), new("IsMajor", "true")]);
        Assert.Equal(HttpStatusCode.OK, withoutBoxes.StatusCode);
        var afterText = (await FindAsync(set, "nl"))!.Published!;
        Assert.Equal(dutch.Published!.Fields, afterText.Fields);

        html = WebUtility.HtmlDecode(await editor.GetStringAsync(url));
        var sameCues = await BackOffice.PostFormAsync(editor, $"{url}?handler=Publish", token,
            [new("Base", WebUtility.HtmlDecode(BaseField().Match(html).Groups[1].Value)), new("Title", "Proeffilm"), new("Body", "Over de mentor, kort."),
                new("ChangeNote", "Tekst."), new("IsMajor", "true"), new("Parts[0].Name", "subtitles"),
                new("Parts[0].Texts[0]", "In een nieuw land\nken je weinig mensen."), new("Parts[0].Texts[1]", "Daarom krijg je een mentor.")]);
        // The same text and the same cues: nothing to publish, and the refusal says so.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sameCues.StatusCode);
        Assert.Equal(afterText.Number, (await FindAsync(set, "nl"))!.Published!.Number);
    }

    [GeneratedRegex("name=\"Base\" value=\"([^\"]*)\"")]
    private static partial Regex BaseField();
}

public sealed class SqliteSubtitleTranslationTests(SqlitePortal fixture) : SubtitleTranslationTests<SqlitePortal>(fixture);

public sealed class PostgresSubtitleTranslationTests(PostgresPortal fixture) : SubtitleTranslationTests<PostgresPortal>(fixture);
