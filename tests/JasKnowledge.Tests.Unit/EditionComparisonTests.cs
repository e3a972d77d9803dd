using System.Text;
using System.Text.Encodings.Web;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Recipe;
using JasKnowledge.Web.Features.Handbook;
using JasKnowledge.Web.Features.Pages;

namespace JasKnowledge.Tests.Unit;

/// <summary>The rules of comparing texts word by word, and two editions chapter by chapter.</summary>
public sealed class EditionComparisonTests
{
    private static string Before(IEnumerable<WordRun> runs) => string.Concat(runs.Where(r => r.Change != LineChange.Added).Select(r => r.Text));
    private static string After(IEnumerable<WordRun> runs) => string.Concat(runs.Where(r => r.Change != LineChange.Removed).Select(r => r.Text));

    [Fact]
    public void A_changed_word_is_shown_taken_out_then_put_in_and_the_rest_is_kept()
    {
        var runs = WordDiff.Compare("De huisarts is de eerste stap.", "De huisarts is meestal de eerste stap.");

        Assert.Equal("meestal", Assert.Single(runs, r => r.Change == LineChange.Added).Text.Trim());
        Assert.DoesNotContain(runs, r => r.Change == LineChange.Removed);
        Assert.StartsWith("De huisarts is", runs[0].Text);
        var replaced = WordDiff.Compare("Bel de huisarts.", "Bel de huisartsenpost.");
        Assert.Equal([new(LineChange.Same, "Bel de "), new(LineChange.Removed, "huisarts"),
            new(LineChange.Added, "huisartsenpost"), new(LineChange.Same, ".")], replaced);
    }

    [Fact]
    public void A_changed_comma_marks_the_comma_not_the_word()
    {
        var runs = WordDiff.Compare("werk, inkomen", "werk; inkomen");

        Assert.Equal([new(LineChange.Same, "werk"), new(LineChange.Removed, ","),
            new(LineChange.Added, ";"), new(LineChange.Same, " inkomen")], runs);
    }

    [Theory]
    [InlineData("Regel een\nregel twee", "Regel een\nregel drie\nen vier")]
    [InlineData("", "Alles is nieuw.")]
    [InlineData("Alles gaat weg.", "")]
    [InlineData("اَلتَّأْمِينُ الصِّحِّيُّ إلزامي", "التأمين الصحي إلزامي للجميع")]
    [InlineData("ሓበሬታ ብዛዕባ መድሕን ጥዕና", "ሓበሬታ ብዛዕባ ናይ ጥዕና መድሕን")]
    [InlineData("a\r\nb", "a\nb c")]
    public void Every_piece_of_both_texts_appears_once_in_reading_order(string before, string after)
    {
        var runs = WordDiff.Compare(before, after);

        Assert.Equal(before.Replace("\r\n", "\n").Trim(), Before(runs));
        Assert.Equal(after.Replace("\r\n", "\n").Trim(), After(runs));
        Assert.All(runs.Zip(runs.Skip(1)), pair => Assert.NotEqual(pair.First.Change, pair.Second.Change));
    }

    [Fact]
    public void An_arabic_word_with_vowel_signs_is_one_piece()
    {
        var runs = WordDiff.Compare("التأمين الصحي", "التأمين الصِّحِّي");

        Assert.Equal([new(LineChange.Same, "التأمين "), new(LineChange.Removed, "الصحي"),
            new(LineChange.Added, "الصِّحِّي")], runs);
    }

    [Fact]
    public void Line_endings_and_outer_white_space_are_no_difference()
    {
        Assert.False(WordDiff.Differs("a\r\nb\n", "a\nb"));
        Assert.True(WordDiff.Differs("a b", "a  b"));
        Assert.Equal([new(LineChange.Same, "a\nb")], WordDiff.Compare("a\r\nb", "a\nb\n"));
    }

    private static EditionSourceChapter Chapter(string slug, string body, string? title = null, int order = 0) =>
        new(slug, title ?? slug.ToUpperInvariant(), order, body);

    private static EditionSource Edition(string version, params EditionSourceChapter[] chapters) =>
        new(version, EditionSource.Digest(chapters.Select(c => (c.Slug, c.Title, c.Body))), chapters);

    [Fact]
    public void Chapters_are_matched_by_slug_and_marked_changed_added_removed_or_unchanged()
    {
        var older = Edition("1.0", Chapter("inleiding", "Welkom."), Chapter("sessie-1", "Oud."),
            Chapter("sessie-2", "Weg."), Chapter("sessie-3", "Blijft."));
        var newer = Edition("1.1", Chapter("inleiding", "Welkom."), Chapter("sessie-1", "Nieuw."),
            Chapter("sessie-3", "Blijft."), Chapter("sessie-4", "Erbij."));

        var chapters = EditionComparison.Compare(older, newer);

        Assert.Equal(
            [("inleiding", ChapterChange.Unchanged), ("sessie-1", ChapterChange.Changed), ("sessie-2", ChapterChange.Removed),
             ("sessie-3", ChapterChange.Unchanged), ("sessie-4", ChapterChange.Added)],
            chapters.Select(c => (c.Slug, c.Change)));
        Assert.Empty(chapters[0].Words);
        Assert.Contains(new WordRun(LineChange.Removed, "Oud"), chapters[1].Words);
        Assert.Contains(new WordRun(LineChange.Added, "Nieuw"), chapters[1].Words);
        Assert.All(chapters[2].Words, w => Assert.Equal(LineChange.Removed, w.Change));
        Assert.All(chapters[4].Words, w => Assert.Equal(LineChange.Added, w.Change));
    }

    [Fact]
    public void The_newer_editions_order_counts_and_a_removed_first_chapter_stays_first()
    {
        var older = Edition("1.0", Chapter("voorwoord", "Eerst."), Chapter("a", "A."), Chapter("b", "B."));
        var newer = Edition("2.0", Chapter("b", "B."), Chapter("a", "A."));

        var chapters = EditionComparison.Compare(older, newer);

        Assert.Equal(["voorwoord", "b", "a"], chapters.Select(c => c.Slug));
        Assert.Equal(ChapterChange.Removed, chapters[0].Change);
        Assert.Equal(ChapterChange.Unchanged, chapters[1].Change);
    }

    [Fact]
    public void A_new_title_alone_makes_a_chapter_changed()
    {
        var chapters = EditionComparison.Compare(
            Edition("1.0", Chapter("a", "Zelfde tekst.", "Oude titel")), Edition("1.1", Chapter("a", "Zelfde tekst.", "Nieuwe titel")));

        var chapter = Assert.Single(chapters);
        Assert.Equal(ChapterChange.Changed, chapter.Change);
        Assert.Equal("Nieuwe titel", chapter.Title);
        Assert.Contains(new WordRun(LineChange.Removed, "Oude"), chapter.Words);
    }

    [Fact]
    public async Task An_edition_source_survives_json_and_is_intact_only_with_its_own_text()
    {
        var source = Edition("1.0", Chapter("a", "Tekst met \"aanhalingstekens\" en عربي."));
        var stream = new MemoryStream();
        await source.WriteAsync(stream);
        stream.Position = 0;

        var read = await EditionSource.ReadAsync(stream);

        Assert.NotNull(read);
        Assert.True(read.IsIntact);
        Assert.Equal(source.Chapters, read.Chapters);
        Assert.False((read with { Chapters = [read.Chapters[0] with { Body = "Anders." }] }).IsIntact);
        Assert.Null(await EditionSource.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes("geen json"))));
        Assert.Null(await EditionSource.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes("{\"edition\":\"1.0\"}"))));
    }

    [Fact]
    public void The_diff_html_encodes_every_piece_and_names_each_change_for_screen_readers()
    {
        var runs = WordDiff.Compare("Klik <b>hier</b> weg", "Klik <b>hier</b> <script>alert(1)</script>");
        var labels = new WordDiffLabels("toegevoegd", "einde toegevoegd", "verwijderd", "einde verwijderd", "ar", "rtl");

        using var writer = new StringWriter();
        WordDiffHtml.Render(runs, "nl", "ltr", labels).WriteTo(writer, HtmlEncoder.Default);
        var html = writer.ToString();

        Assert.StartsWith("<div class=\"word-diff\" lang=\"nl\" dir=\"ltr\">", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("<del><span class=\"visually-hidden\" lang=\"ar\" dir=\"rtl\">[verwijderd] </span>", html);
        Assert.Contains("<ins><span class=\"visually-hidden\" lang=\"ar\" dir=\"rtl\">[toegevoegd] </span>", html);
        Assert.Contains("<span class=\"visually-hidden\" lang=\"ar\" dir=\"rtl\"> [einde toegevoegd]</span></ins>", html);
    }

    [Fact]
    public async Task Every_shipped_edition_keeps_the_text_with_the_digest_it_records()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "content", "handboek", "edities");
        AssetManifest Manifest(string slug)
        {
            var path = Path.Combine(folder, $"{slug}.nl.asset.yml");
            return AssetManifest.Parse(path, File.ReadAllText(path));
        }
        var pdf = Manifest(HandbookFeature.PdfSlug);
        var kept = Manifest(HandbookFeature.SourceSlug);

        Assert.Equal(pdf.Revisions.Select(r => (r.Version, r.Source)), kept.Revisions.Select(r => (r.Version, r.Source)));
        foreach (var revision in kept.Revisions)
        {
            await using var file = File.OpenRead(Path.Combine(folder, revision.File));
            var source = await EditionSource.ReadAsync(file);
            Assert.NotNull(source);
            Assert.True(source.IsIntact, $"The text kept for edition {revision.Version} is not the text its digest names.");
            Assert.Equal(revision.Source, source.Source);
            Assert.Equal(revision.Version, source.Edition);
            Assert.True(source.Chapters.Count >= 11);
        }
    }
}
