using JasKnowledge.Core.Markdown;
using JasKnowledge.Core.Search;
using JasKnowledge.Data.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace JasKnowledge.Tests.Unit;

/// <summary>A hit leads to the section its snippet comes from: the heading at or before its first mark, none in
/// the summary, before the first heading, after the body (a film's subtitles) or when only the title matched.</summary>
public sealed class SearchSectionTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"jas-sections-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Sections_read_back_as_written_and_a_broken_line_is_left_out()
    {
        var sections = new[] { new SearchSection("doelen", "Doelen", 0), new SearchSection("wat-je-\tdoet", "Wat je\ndoet", 120), new SearchSection("", "", 400) };

        var read = SearchSection.Split(SearchSection.Join(sections) + "\nkapot\n-5\tx\ty\n12\tonvolledig");

        Assert.Equal(
            [new SearchSection("doelen", "Doelen", 0), new SearchSection("wat-je- doet", "Wat je doet", 120), new SearchSection("", "", 400)],
            read);
        Assert.Empty(SearchSection.Split(null));
        Assert.Empty(SearchSection.Split(""));
    }

    [Theory]
    [InlineData(5, null)]
    [InlineData(10, "a")]
    [InlineData(49, "a")]
    [InlineData(50, "b")]
    [InlineData(99, "b")]
    [InlineData(100, null)] // the end of the body: what follows is in no section
    [InlineData(500, null)]
    public void A_place_is_in_the_last_section_that_starts_at_or_before_it(int place, string? expected)
    {
        SearchSection[] sections = [new("a", "A", 10), new("b", "B", 50), new("", "", 100)];

        Assert.Equal(expected, SearchSection.At(sections, place)?.Id);
        Assert.Null(SearchSection.At(null, place));
    }

    [Theory]
    [InlineData("", "Kop\n\nTekst", 0, 0)]
    [InlineData("Samenvatting", "Kop\n\nTekst", 0, 13)]
    [InlineData("Samenvatting", "Eerst  iets.\n\n## \n\nKop\n\nTekst", 19, 28)]
    [InlineData("Samenvatting", "Eerst iets.\n\n\nKop", 12, 25)] // on white space: where the next word stands
    public void A_place_in_the_text_is_found_in_the_snippet_text(string summary, string text, int place, int expected)
    {
        Assert.Equal(expected, SearchSnippets.PlaceInText(summary, text, place));
        var passage = SearchSnippets.Text(summary, text);
        var word = text[place..].TrimStart();
        Assert.StartsWith(word[..Math.Min(3, word.Length)], passage[expected..], StringComparison.Ordinal);
    }

    private const string Body = """
        Deze sessie gaat over werk. Lees eerst de inleiding.

        ## Doelen

        Deelnemers weten wat een klantmanager doet.

        ## Stappenplan

        Begin met koffie en thee. Daarna de **uitkering**.
        """;

    /// <summary>A chapter as the indexer records one: the body's plain text and headings, then more text (subtitles)
    /// after the end of the body.</summary>
    private static SearchDocument Chapter(Guid source, string? more = null)
    {
        var body = MarkdownRenderer.ToPlainText(Body);
        var sections = body.Headings.Select(h => new SearchSection(h.Heading.Id, h.Heading.Text, h.Start)).ToList();
        if (more is not null) sections.Add(new SearchSection("", "", body.Text.Length));
        var text = more is null ? body.Text : body.Text + "\n\n" + more;
        return new SearchDocument(source, "handbook-chapter", "nl", "handboek/x", "x", "Sessie over zeppelins", "Een samenvatting over de gemeente.", text, sections);
    }

    [Theory]
    [InlineData("klantmanager", "doelen")]
    [InlineData("koffie", "stappenplan")]
    [InlineData("uitkeringen", "stappenplan")] // a stemmed match
    [InlineData("stappenplan", "stappenplan")] // the heading's own words
    [InlineData("klantmanager koffie", "doelen")] // the snippet's first mark decides
    [InlineData("inleiding", null)] // before the first heading
    [InlineData("gemeente", null)] // in the summary
    [InlineData("zeppelins", null)] // in the title only: the snippet has no mark
    [InlineData("ondertiteling", null)] // after the body
    public async Task A_hit_leads_to_the_section_of_its_first_mark(string query, string? section)
    {
        using var index = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance);
        var source = Guid.NewGuid();
        await index.ApplyAsync([new SearchChange(1, source, Chapter(source, more: "De ondertiteling van de film."))]);

        var hit = Assert.Single((await index.SearchAsync(new SearchRequest(SearchQuery.Parse(query), null, null))).Hits);

        Assert.Equal(section, hit.Section?.Id);
        if (hit.Section is { } found) Assert.Equal(section == "doelen" ? "Doelen" : "Stappenplan", found.Title);
    }

    [Fact]
    public async Task A_document_without_sections_leads_to_its_page()
    {
        using var index = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance);
        var source = Guid.NewGuid();
        await index.ApplyAsync([new SearchChange(1, source, Chapter(source) with { Sections = null })]);

        var hit = Assert.Single((await index.SearchAsync(new SearchRequest(SearchQuery.Parse("koffie"), null, null))).Hits);

        Assert.Contains("<mark>koffie</mark>", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.Null(hit.Section);
    }
}
