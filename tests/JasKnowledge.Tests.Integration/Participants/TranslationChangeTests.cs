using System.Net;
using System.Text.RegularExpressions;
using JasKnowledge.Data.Recipe;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Participants;

/// <summary>
/// The shipped content after two editorial changes: the mentor sheet and the Het Gesprek video lose
/// their Farsi and Dari translations, and the Dutch klantmanager sheet gets a second version that its
/// translations were not made from.
/// </summary>
public abstract class ChangedTranslationsPortal(DatabaseKind kind) : IAsyncLifetime
{
    private TestDatabase? _database;
    public PortalFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var folder = ContentFolders.CopyOfShipped();
        foreach (var culture in new[] { "fa", "prs" })
        {
            File.Delete(Path.Combine(folder, "informatie", $"je-mentor.{culture}.md"));
            File.Delete(Path.Combine(folder, "video", $"het-gesprek.{culture}.md"));
            File.Delete(Path.Combine(folder, "video", $"het-gesprek.{culture}.vtt"));
        }
        // The shipped translations name the version the Dutch text reached in the folder's history (2 or more); this fresh
        // database starts the Dutch text at 1. The import reads a higher number as "made from the Dutch text as it is
        // here", so the change below marks them outdated (until 5 December 2026 this fixture rewrote them to 1 by hand,
        // and on a real first start a translation stayed "current" through the Dutch text's first changes).
        _database = await TestDatabase.CreateAsync(kind);
        Factory = new PortalFactory(_database, folder);
        Factory.CreateClient().Dispose();

        var sheet = Path.Combine(folder, "informatie", "je-klantmanager.nl.md");
        var text = await File.ReadAllTextAsync(sheet);
        await File.WriteAllTextAsync(sheet, Regex.Replace(text, "(?m)^changeNote: .*$", "changeNote: Uitleg over afmelden aangevuld.")
            .Replace("Laat het zo snel mogelijk weten", "Laat het zo snel mogelijk aan je klantmanager weten"));
        using var scope = Factory.Services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<RecipeImporter>().ImportAsync(folder);
        if (report.Updated != 1) throw new InvalidOperationException($"Expected one updated item: {report}");
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}

public sealed class SqliteChangedTranslations() : ChangedTranslationsPortal(DatabaseKind.Sqlite);
public sealed class PostgresChangedTranslations() : ChangedTranslationsPortal(DatabaseKind.PostgreSql);

public abstract class TranslationChangeTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : ChangedTranslationsPortal
{
    private HttpClient Client() => fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task A_dari_visitor_sees_the_next_language_of_the_chain_with_a_notice_in_dari()
    {
        // prs → fa → en → nl: neither Dari nor Farsi exists, so English is shown.
        var html = await Client().GetStringAsync("/prs/informatie/je-mentor");

        Assert.Contains("<html lang=\"prs\" dir=\"rtl\">", html);
        Assert.Contains("notice--fallback", html);
        Assert.Contains("<article class=\"prose\" lang=\"en\" dir=\"ltr\">", html);
        // The language shown is named in its own language and marked as such inside the Dari sentence.
        Assert.Contains("<bdi lang=\"en\" dir=\"ltr\">English</bdi>",
            Regex.Match(html, "<p class=\"notice notice--fallback\"[^>]*>(.+?)</p>", RegexOptions.Singleline).Groups[1].Value);
    }

    [Fact]
    public async Task The_language_switcher_and_hreflang_offer_only_the_languages_the_item_exists_in()
    {
        var html = await Client().GetStringAsync("/en/video/het-gesprek");
        var switcher = Regex.Match(html, "<nav class=\"language-switcher\".*?</nav>", RegexOptions.Singleline).Value;

        Assert.DoesNotContain("hreflang=\"fa\"", switcher);
        Assert.DoesNotContain("hreflang=\"prs\"", switcher);
        Assert.Contains("hreflang=\"ti\"", switcher);
        Assert.DoesNotContain("<link rel=\"alternate\" hreflang=\"fa\"", html);
        Assert.Equal(6, Regex.Matches(html, "<link rel=\"alternate\" hreflang=").Count);
        Assert.Equal(6, Regex.Matches(html, "<track kind=\"subtitles\"").Count);
        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync("/fa/video/het-gesprek.vtt")).StatusCode);
    }

    [Fact]
    public async Task A_farsi_visitor_of_a_video_without_farsi_gets_the_english_track_as_default()
    {
        var html = await Client().GetStringAsync("/fa/video/het-gesprek");

        Assert.Contains("notice--fallback", html);
        Assert.Matches("<track kind=\"subtitles\" src=\"/en/video/het-gesprek.vtt\" srclang=\"en\" label=\"English\" default=\"default\">", html);
    }

    [Fact]
    public async Task A_translation_of_an_older_dutch_version_says_so_and_links_the_current_dutch_text()
    {
        var html = await Client().GetStringAsync("/so/informatie/je-klantmanager");

        var notice = Regex.Match(html, "<p class=\"notice notice--outdated\" role=\"note\">(.*?)</p>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("href=\"/nl/informatie/je-klantmanager\" hreflang=\"nl\"", notice);
        Assert.Contains("1", notice);
        Assert.Contains("2", notice);
        // Only the section whose sentence changed is named, in Dutch.
        Assert.Equal(["Kun je niet komen?"], Regex.Matches(notice, "<q lang=\"nl\" data-changed-section>([^<]*)</q>").Select(m => m.Groups[1].Value));
        Assert.DoesNotContain("notice--outdated", await Client().GetStringAsync("/nl/informatie/je-klantmanager"));
        Assert.DoesNotContain("notice--outdated", await Client().GetStringAsync("/so/informatie/je-mentor"));
    }

    [Fact]
    public async Task The_status_page_counts_current_outdated_and_missing_per_language()
    {
        var html = await Client().GetStringAsync("/en/vertalingen");

        Assert.Contains("<td data-language=\"ar\" data-count=\"TranslationOutdated\">1</td>", html);
        Assert.Contains("<td data-language=\"ar\" data-count=\"TranslationMissing\">0</td>", html);
        Assert.Contains("<td data-language=\"prs\" data-count=\"TranslationMissing\">2</td>", html);
        Assert.Contains("<td data-language=\"fa\" data-count=\"TranslationOutdated\">1</td>", html);
        // Every current Farsi item: the privacy and open-data pages and the six films included.
        Assert.Contains("<td data-language=\"fa\" data-count=\"TranslationCurrent\">14</td>", html);
        Assert.Matches("data-language=\"uk\" data-state=\"outdated\">\\s*<a href=\"/uk/informatie/je-klantmanager\">", html);
    }

    [Fact]
    public async Task The_outdated_sheet_no_longer_offers_a_pdf_of_text_it_does_not_show()
    {
        // The Dutch text changed and no PDF was made of version 2 yet; the translations' PDFs still match theirs.
        Assert.DoesNotContain("/files/nl/je-klantmanager-pdf/", await Client().GetStringAsync("/nl/informatie/je-klantmanager"));
        Assert.Contains("/files/so/je-klantmanager-pdf/", await Client().GetStringAsync("/so/informatie/je-klantmanager"));
    }
}

public sealed class SqliteTranslationChangeTests(SqliteChangedTranslations fixture) : TranslationChangeTests<SqliteChangedTranslations>(fixture);
public sealed class PostgresTranslationChangeTests(PostgresChangedTranslations fixture)
    : TranslationChangeTests<PostgresChangedTranslations>(fixture);
