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
