using JasKnowledge.Core.Content;
using JasKnowledge.Core.Recipe;
using JasKnowledge.Web.Features.Media;

namespace JasKnowledge.Tests.Unit;

public sealed class TranslationRulesTests
{
    private static ContentVersion Version(int? sourceVersion, string body = "Tekst") =>
        new() { Title = "Titel", Body = body, Author = "test", SourceVersion = sourceVersion };

    [Fact]
    public void A_translation_of_the_published_source_version_is_current()
    {
        Assert.Equal(TranslationState.Current, TranslationFreshness.Of(3, Version(3)));
    }

    [Fact]
    public void A_translation_of_an_older_source_version_or_of_an_unknown_one_is_outdated()
    {
        Assert.Equal(TranslationState.Outdated, TranslationFreshness.Of(3, Version(2)));
        Assert.Equal(TranslationState.Outdated, TranslationFreshness.Of(3, Version(null)));
    }

    /// <summary>A Dutch item whose versions were published in turn, major or not; the last one may stay a draft.</summary>
    private static List<ContentVersion> History(bool lastIsDraft, params bool[] major)
    {
        var item = new ContentItem { Type = "page", Culture = "nl", LocalizationSet = "page/test", Slug = "test" };
        for (var i = 0; i < major.Length; i++)
        {
            var version = item.StartDraft(new VersionText("Titel", $"Tekst {i}", ChangeNote: "Wijziging.", IsMajor: major[i]),
                "test", DateTime.UtcNow);
            if (!(lastIsDraft && i == major.Length - 1)) item.Publish(version.Number, DateTime.UtcNow);
        }
        return item.Versions;
    }

    [Fact]
    public void Minor_edits_after_the_translated_version_keep_a_translation_current()
    {
        // v1 major, v2 and v3 minor: a translation of v1 (or v2) still matches.
        var neededFrom = TranslationFreshness.NeededFrom(History(false, true, false, false));

        Assert.Equal(1, neededFrom);
        Assert.Equal(TranslationState.Current, TranslationFreshness.Of(neededFrom, Version(1)));
        Assert.Equal(TranslationState.Current, TranslationFreshness.Of(neededFrom, Version(2)));
        Assert.Equal(TranslationState.Outdated, TranslationFreshness.Of(neededFrom, Version(null)));
    }

    [Fact]
    public void A_major_change_outdates_translations_of_every_older_version_but_a_major_draft_does_not()
    {
        var neededFrom = TranslationFreshness.NeededFrom(History(false, true, false, true));

        Assert.Equal(3, neededFrom);
        Assert.Equal(TranslationState.Outdated, TranslationFreshness.Of(neededFrom, Version(2)));
        Assert.Equal(TranslationState.Current, TranslationFreshness.Of(neededFrom, Version(3)));
        Assert.Equal(3, TranslationFreshness.NeededFrom(History(true, true, false, true, true)));
    }

    [Fact]
    public void A_source_without_any_major_change_outdates_only_translations_that_name_no_version()
    {
        var neededFrom = TranslationFreshness.NeededFrom(History(false, false, false));

        Assert.Equal(0, neededFrom);
        Assert.Equal(TranslationState.Current, TranslationFreshness.Of(neededFrom, Version(1)));
        Assert.Equal(TranslationState.Outdated, TranslationFreshness.Of(neededFrom, Version(null)));
    }

    [Fact]
    public void Only_the_sections_whose_words_changed_are_named_with_new_and_removed_ones()
    {
        const string before = "Inleiding.\n\n## Afspraken\nKom op tijd.\n\n## Geld\nJe krijgt een uitkering.\n\n## Oud\nWeg.";
        const string after = "Inleiding.\n\n## Afspraken\nKom  op\ntijd.\n\n## Geld\nJe krijgt een uitkering van de gemeente.\n\n## Nieuw\nErbij.";
        var changes = TextSections.Changed(before, after);

        Assert.Equal(["Geld", "Nieuw", "Oud"], changes.Select(c => c.Heading));
        Assert.Equal(2, changes[0].BeforeIndex);
        Assert.Equal(-1, changes[1].BeforeIndex);
        Assert.Equal("", changes[2].After);
        Assert.Empty(TextSections.Changed(before, before.Replace("\n", "\r\n")));
    }

    [Fact]
    public void A_heading_inside_a_code_block_does_not_start_a_section()
    {
        var sections = TextSections.Of("Begin.\n\n```\n# geen kop\n```\n\n## Kop\nTekst.");

        Assert.Equal([null, "Kop"], sections.Select(s => s.Heading));
        Assert.Contains("# geen kop", sections[0].Text);
    }

    [Fact]
    public void The_word_diff_marks_removed_and_added_words_and_keeps_both_texts()
    {
        const string before = "Laat het zo snel mogelijk weten.";
        const string after = "Laat het zo snel mogelijk aan je klantmanager weten.";
        var pieces = WordDiff.Compare(before, after);

        Assert.Equal(before, string.Concat(pieces.Where(p => p.Change != LineChange.Added).Select(p => p.Text)));
        Assert.Equal(after, string.Concat(pieces.Where(p => p.Change != LineChange.Removed).Select(p => p.Text)));
        Assert.Contains("klantmanager", string.Concat(pieces.Where(p => p.Change == LineChange.Added).Select(p => p.Text)));
        Assert.DoesNotContain(pieces, p => p.Change == LineChange.Removed && p.Text.Contains("Laat"));
    }

    [Fact]
    public void No_translation_is_missing()
    {
        Assert.Equal(TranslationState.Missing, TranslationFreshness.Of(1, null));
    }

    [Fact]
    public void The_digest_changes_with_the_text_and_not_with_line_ends()
    {
        var digest = ContentDigest.Of(Version(1, "Regel een.\nRegel twee."));
        Assert.Equal(digest, ContentDigest.Of(Version(1, "Regel een.\r\nRegel twee.\n")));
        Assert.NotEqual(digest, ContentDigest.Of(Version(1, "Regel een.\nRegel drie.")));
        Assert.StartsWith("sha256:", digest);
    }

    [Fact]
    public void A_subtitle_companion_is_stored_in_the_fields_and_written_back_next_to_the_item()
    {
        const string item = "---\ntype: video\ntitle: Film\nfields:\n  order: 1\n---\nOver de film.\n";
        const string vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\nHallo.\n";
        var file = ContentFile.Parse("video/film.nl.md", item, [(MediaFeature.Subtitles, vtt)]);

        Assert.Contains("\"subtitles\"", file.Text.Fields);
        var version = new ContentVersion { Title = file.Text.Title, Body = file.Text.Body, Fields = file.Text.Fields, Author = "test" };
        var written = ContentFile.Write(
            new ContentItem { Type = "video", Culture = "nl", LocalizationSet = "video/film", Slug = "film" }, version, [MediaFeature.Subtitles]);

        Assert.Equal(["video/film.nl.md", "video/film.nl.vtt"], written.Select(w => w.Path));
        Assert.Equal(vtt, written[1].Text);
        Assert.DoesNotContain("subtitles", written[0].Text);
        Assert.Contains("order: 1", written[0].Text);
    }

    [Fact]
    public void A_companion_that_is_not_webvtt_is_refused_with_its_own_path_and_line()
    {
        const string item = "---\ntype: video\ntitle: Film\n---\nOver de film.\n";
        var error = Assert.Throws<RecipeFormatException>(() => ContentFile.Parse("video/film.ar.md", item,
            [(MediaFeature.Subtitles, "WEBVTT\n\n1\n00:01.000 --> 00:00.500\nمرحبا\n")]));

        Assert.Equal("video/film.ar.vtt", error.Problem.Path);
        Assert.Equal(4, error.Problem.Line);
    }
}
