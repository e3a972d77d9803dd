using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using JasKnowledge.Tests.Integration.Infrastructure;
using JasKnowledge.Web.Features.Handbook;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Handbook;

/// <summary>Reading the handbook and its editions through HTTP, on both databases.</summary>
public abstract partial class HandbookTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    private HttpClient Client() => fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HandbookContents> DutchHandbookAsync()
    {
        using var scope = fixture.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HandbookReader>().LoadAsync("nl");
    }

    private async Task<IReadOnlyList<HandbookEdition>> EditionsAsync()
    {
        using var scope = fixture.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HandbookEditions>().ListAsync();
    }

    [Fact]
    public async Task The_handbook_home_has_the_contents_and_the_latest_edition_with_its_hash()
    {
        var handbook = await DutchHandbookAsync();
        var latest = (await EditionsAsync())[0];
        var html = await Client().GetStringAsync("/nl/handboek");

        Assert.True(handbook.Chapters.Count >= 11);
        foreach (var chapter in handbook.Chapters) Assert.Contains($"href=\"/nl/handboek/{chapter.Slug}\"", html);
        foreach (var session in handbook.Sessions) Assert.Contains($"href=\"/nl/handboek/{session.Slug}/sessie\"", html);
        Assert.Contains("href=\"/files/nl/het-gesprek-handboek-pdf/latest\"", html);
        Assert.Contains("href=\"/files/nl/het-gesprek-handboek-docx/latest\"", html);
        Assert.Contains(latest.Pdf.Revision.Sha256, html);
        Assert.Contains($"Editie {latest.Version}", html);
        Assert.Contains("href=\"/nl/handboek/afdrukken\"", html);
        Assert.Contains("aria-current=\"page\">Handboek</a>", html);
    }

    [Fact]
    public async Task The_latest_edition_was_made_from_the_text_the_web_shows()
    {
        var latest = (await EditionsAsync())[0];
        var html = await Client().GetStringAsync("/nl/handboek");

        Assert.Equal((await DutchHandbookAsync()).SourceDigest(), latest.Source);
        Assert.Contains($"dezelfde als die van editie {latest.Version}", html);
    }

    [Fact]
    public async Task A_chapter_has_in_page_contents_whose_anchors_exist_and_previous_and_next()
    {
        var html = WebUtility.HtmlDecode(await Client().GetStringAsync("/nl/handboek/sessie-4-werk-inkomen-en-de-uitkering"));

        var anchors = Regex.Matches(html, "<li><a href=\"#([^\"]+)\">").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("doelen", anchors);
        Assert.Contains("hand-out-voor-deelnemers", anchors);
        foreach (var anchor in anchors) Assert.Contains($"id=\"{anchor}\"", html);
        Assert.Contains("rel=\"prev\"", html);
        Assert.Contains("href=\"/nl/handboek/sessie-3-solidariteit-en-meedoen\" rel=\"prev\"", html);
        Assert.Contains("href=\"/nl/handboek/sessie-5-onderwijs-en-diplomawaardering\" rel=\"next\"", html);
        Assert.Contains("Sessie 4 · week 17 van de voorbeeldplanning · 150 minuten", html);
    }

    [Fact]
    public async Task The_first_and_last_chapters_link_only_one_way()
    {
        var handbook = await DutchHandbookAsync();
        var first = await Client().GetStringAsync($"/nl/handboek/{handbook.Chapters[0].Slug}");
        var last = await Client().GetStringAsync($"/nl/handboek/{handbook.Chapters[^1].Slug}");

        Assert.DoesNotContain("rel=\"prev\"", first);
        Assert.Contains("rel=\"next\"", first);
        Assert.DoesNotContain("rel=\"next\"", last);
    }

    [Fact]
    public async Task The_session_sheet_has_goals_timing_materials_and_a_handout_on_its_own_page()
    {
        var html = await Client().GetStringAsync("/nl/handboek/sessie-1-nederland-en-jij/sessie");

        Assert.Contains("<h1 id=\"sheet-sessie-1-nederland-en-jij\">Sessie 1", html);
        foreach (var section in new[] { "Doelen", "Stappenplan", "Voorbereiding en materialen", "Gespreksvragen", "Hand-out voor deelnemers" })
            Assert.Contains($">{section}</h2>", html);
        Assert.Contains("class=\"handout\"", html);
        Assert.Contains("<table>", html);
        Assert.True(
            html.IndexOf(">Stappenplan<", StringComparison.Ordinal) < html.IndexOf(">Voorbereiding en materialen<", StringComparison.Ordinal));
        // The week is the example planning's, and on paper the line ends with the minutes (the review of 6 December 2026
        // found "week 19" given as fixed and a dangling "·" where the link is not printed).
        var meta = Regex.Match(WebUtility.HtmlDecode(html), "<p class=\"meta\"[^>]*>(.*?)</p>", RegexOptions.Singleline).Groups[1].Value;
        Assert.StartsWith("Sessie 1 · week 13 van de voorbeeldplanning · 150 minuten<span class=\"print-hide\"> ·", meta);
    }

    [Fact]
    public async Task Only_sessions_have_a_session_sheet()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync("/nl/handboek/inleiding/sessie")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync("/nl/handboek/bestaat-niet")).StatusCode);
    }

    [Fact]
    public async Task All_session_sheets_print_as_one_document_with_unique_anchors()
    {
        var handbook = await DutchHandbookAsync();
        var html = await Client().GetStringAsync("/nl/handboek/sessies");

        Assert.Equal(handbook.Sessions.Count(), Regex.Matches(html, "<article class=\"session-sheet\"").Count);
        AssertUniqueIds(html);
    }

    [Fact]
    public async Task The_whole_handbook_prints_as_one_document()
    {
        var handbook = await DutchHandbookAsync();
        var html = await Client().GetStringAsync("/nl/handboek/afdrukken");

        foreach (var chapter in handbook.Chapters)
        {
            Assert.Contains($"<h2 id=\"{chapter.Slug}\">", html);
            Assert.Contains($"href=\"#{chapter.Slug}\"", html);
        }
        Assert.Contains("Webversie, tekst van", html);
        AssertUniqueIds(html);
    }

    [Fact]
    public async Task The_editions_page_lists_every_edition_with_files_hashes_and_notes()
    {
        var editions = await EditionsAsync();
        var html = await Client().GetStringAsync("/nl/handboek/edities");

        Assert.True(editions.Count >= 2);
        foreach (var edition in editions)
        {
            Assert.Contains($"Editie {edition.Version}", html);
            Assert.Equal(2, edition.Files.Count);
            foreach (var file in edition.Files)
            {
                Assert.Contains(file.Revision.Sha256, html);
                Assert.Contains($"href=\"/files/nl/{file.Asset.Slug}/{edition.Version}\"", html);
            }
            // Decoded: the page writes "één" as it is, WebUtility.HtmlEncode would write &#233;.
            Assert.Contains(edition.ReleaseNotes!, WebUtility.HtmlDecode(html));
        }
    }

    [Fact]
    public async Task An_older_edition_says_plainly_that_a_newer_one_exists_and_links_it()
    {
        var editions = await EditionsAsync();
        var (newest, older) = (editions[0], editions[^1]);

        var oldPage = await Client().GetStringAsync($"/nl/handboek/edities/{older.Version}");
        var newPage = await Client().GetStringAsync($"/nl/handboek/edities/{newest.Version}");

        Assert.Contains($"editie {older.Version} is niet de nieuwste", oldPage);
        Assert.Contains($"href=\"/nl/handboek/edities/{newest.Version}\"", oldPage);
        Assert.DoesNotContain("is niet de nieuwste", newPage);
    }

    [Fact]
    public async Task An_unknown_edition_is_404_and_lists_the_editions_that_exist()
    {
        var response = await Client().GetAsync("/nl/handboek/edities/0.1");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Editie 0.1 bestaat niet", html);
        Assert.Contains("href=\"/nl/handboek/edities/1.0\"", html);
    }

    [Fact]
    public async Task In_another_language_the_dutch_handbook_is_shown_with_a_notice()
    {
        var html = await Client().GetStringAsync("/en/handboek/sessie-2-vrijheid-en-gelijkwaardigheid");

        Assert.Contains("<html lang=\"en\"", html);
        Assert.Contains("notice--fallback", html);
        Assert.Contains("<article class=\"prose chapter\" lang=\"nl\" dir=\"ltr\">", html);
        Assert.Contains("hreflang=\"nl\" href=\"http://localhost/nl/handboek/sessie-2-vrijheid-en-gelijkwaardigheid\"", html);
        Assert.Contains(">Previous:</span>", html);
    }

    /// <summary>An edition's chapters are readable on the web as that edition printed them, and an address to the newest
    /// edition does not age (peer review of 7 December 2026: Read the Docs keeps every version readable).</summary>
    [Fact]
    public async Task A_chapter_of_an_older_edition_is_readable_with_its_own_text_and_links_to_now_and_to_what_changed()
    {
        var editions = await EditionsAsync();
        var (latest, oldest) = (editions[0], editions[^1]);
        var client = Client();

        var newest = await client.GetAsync("/nl/handboek/edities/nieuwste");
        Assert.Equal(HttpStatusCode.Redirect, newest.StatusCode);
        Assert.Equal($"/nl/handboek/edities/{latest.Version}", newest.Headers.Location!.OriginalString);

        var edition = await client.GetStringAsync($"/nl/handboek/edities/{oldest.Version}");
        Assert.Contains($"<a href=\"/nl/handboek/edities/{oldest.Version}/inleiding\">", edition);

        // Edition 1.0 said "binnen de 24x24-aanpak" in its first sentence; the text of that edition is what is shown.
        var response = await client.GetAsync($"/nl/handboek/edities/{oldest.Version}/inleiding");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Dit handboek is bedoeld voor trainers die Het Gesprek geven aan vergunninghouders binnen de", html);
        Assert.Contains("<meta name=\"robots\" content=\"noindex, follow\">", html);
        Assert.Contains("notice--outdated", html);
        Assert.Contains("<a href=\"/nl/handboek/inleiding\">Dit hoofdstuk zoals het nu is</a>", html);
        Assert.Contains($"href=\"/nl/handboek/edities/{oldest.Version}...{latest.Version}#hoofdstuk-inleiding\"", html);
        AssertUniqueIds(html);

        // The newest edition's chapter has no warning; in Arabic the interface is Arabic and the text Dutch, marked so.
        Assert.DoesNotContain("notice--outdated", await client.GetStringAsync($"/nl/handboek/edities/{latest.Version}/inleiding"));
        var arabic = await client.GetStringAsync($"/ar/handboek/edities/{oldest.Version}/inleiding");
        Assert.Contains("<article class=\"prose chapter\" lang=\"nl\" dir=\"ltr\">", arabic);
        Assert.Contains("هذا الفصل كما هو الآن", arabic);

        foreach (var missing in new[] { $"/nl/handboek/edities/{oldest.Version}/bestaat-niet", "/nl/handboek/edities/0.9/inleiding" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(missing)).StatusCode);
    }

    private static void AssertUniqueIds(string html)
    {
        var ids = Regex.Matches(html, " id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        var duplicate = ids.GroupBy(i => i).FirstOrDefault(g => g.Count() > 1)?.Key;
        Assert.True(duplicate is null, $"The id '{duplicate}' appears more than once.");
    }
}

public sealed class SqliteHandbookTests(SqlitePortal fixture) : HandbookTests<SqlitePortal>(fixture);

public sealed class PostgresHandbookTests(PostgresPortal fixture) : HandbookTests<PostgresPortal>(fixture);

/// <summary>The shipped edition files themselves: the PDF and the Word file of every edition contain
/// the handbook, and the Word file is valid Office Open XML.</summary>
public sealed class EditionFileTests
{
    private static readonly string Folder = Path.Combine(ContentFolders.Shipped, "handboek", "edities");

    public static TheoryData<string> Files(string extension)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*." + extension).Order()) data.Add(Path.GetFileName(file));
        return data;
    }

    private static IEnumerable<string> ChapterTitles() =>
        Directory.EnumerateFiles(Path.Combine(ContentFolders.Shipped, "handboek"), "*.md")
            .Select(f => Core.Recipe.ContentFile.Parse("handboek/" + Path.GetFileName(f), File.ReadAllText(f)))
            .Where(f => f.Type == HandbookFeature.ChapterType)
            .Select(f => f.Text.Title);

    [Theory]
    [MemberData(nameof(Files), "docx")]
    public void Every_word_edition_is_valid_and_has_every_chapter_as_a_heading(string name)
    {
        using var document = WordprocessingDocument.Open(Path.Combine(Folder, name), isEditable: false);
        var errors = new OpenXmlValidator().Validate(document).Take(5).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var headings = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1")
            .Select(p => p.InnerText)
            .ToList();
        foreach (var title in ChapterTitles()) Assert.Contains(title, headings);
    }

    [Theory]
    [MemberData(nameof(Files), "pdf")]
    public async Task Every_pdf_edition_is_a4_and_contains_every_chapter(string name)
    {
        var text = await CommandLineTool.RunAsync("pdftotext", "-layout", Path.Combine(Folder, name), "-");
        var info = await CommandLineTool.RunAsync("pdfinfo", Path.Combine(Folder, name));

        Assert.Contains("(A4)", info.Split('\n').Single(l => l.StartsWith("Page size")));
        var version = Regex.Match(name, @"-(\d[\w.]*)\.pdf$").Groups[1].Value;
        Assert.Contains($"Editie {version}", text);
        foreach (var title in ChapterTitles()) Assert.Contains(title, text);
    }
}
