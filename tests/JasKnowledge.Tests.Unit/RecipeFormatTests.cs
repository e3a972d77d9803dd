using JasKnowledge.Core.Content;
using JasKnowledge.Core.Recipe;

namespace JasKnowledge.Tests.Unit;

public sealed class RecipeFormatTests
{
    private const string Valid = "---\ntype: page\ntitle: Over ons\nsummary: Kort\nchangeNote: Eerste versie.\ntranslatedFrom: 2\nfields:\n  " +
        "order: 3\n  tags: [a, b]\n---\n\n# Kop\n\nTekst.\n";

    [Fact]
    public void A_content_file_gives_type_culture_set_slug_and_text()
    {
        var file = ContentFile.Parse("pages/over.en.md", Valid);

        Assert.Equal("page", file.Type);
        Assert.Equal("en", file.Culture);
        Assert.Equal("pages/over", file.LocalizationSet);
        Assert.Equal("over", file.Slug);
        Assert.Equal("Over ons", file.Text.Title);
        Assert.Equal("# Kop\n\nTekst.", file.Text.Body);
        Assert.Equal(2, file.Text.SourceVersion);
        Assert.Contains("\"order\"", file.Text.Fields);
    }

    [Fact]
    public void Writing_and_reading_back_gives_the_same_item()
    {
        var original = ContentFile.Parse("pages/over.en.md", Valid);
        var item = new ContentItem { Type = original.Type, Culture = original.Culture, LocalizationSet = original.LocalizationSet,
            Slug = original.Slug };
        var version = item.StartDraft(original.Text, "test", DateTime.UtcNow);

        var (path, text) = ContentFile.Write(item, version)[0];
        var again = ContentFile.Parse(path, text);

        Assert.Equal("pages/over.en.md", path);
        Assert.Equal(original.Text, again.Text);
        Assert.Equal(original.LocalizationSet, again.LocalizationSet);
    }

    [Theory]
    [InlineData("no front matter", 1, "must start with a front matter")]
    [InlineData("---\ntype: page\ntitle: x\n", 1, "not closed")]
    [InlineData("---\ntype: page\n---\nbody", 2, "needs a 'title'")]
    [InlineData("---\ntitle: Zonder type\n---\nbody", 2, "needs a 'type'")]
    [InlineData("---\ntype: page\ntitle: x\ntitel: typo\n---\nbody", 4, "titel")]
    [InlineData("---\ntype: page\ntitle: [unclosed\n---\nbody", 3, "")]
    public void A_malformed_file_is_reported_with_its_line(string text, int line, string message)
    {
        var error = Assert.Throws<RecipeFormatException>(() => ContentFile.Parse("pages/kapot.nl.md", text));

        Assert.Equal("pages/kapot.nl.md", error.Problem.Path);
        Assert.Equal(line, error.Problem.Line);
        Assert.Contains(message, error.Problem.Message);
    }

    [Theory]
    [InlineData("pages/Home.nl.md")]
    [InlineData("pages/home.md")]
    [InlineData("Pages/home.nl.md")]
    public void Badly_named_files_are_refused(string path)
    {
        Assert.Throws<RecipeFormatException>(() => ContentFile.Parse(path, Valid));
    }

    [Fact]
    public void An_asset_manifest_lists_revisions_and_round_trips()
    {
        const string yaml = "title: Gemeenten 2023\nrevisions:\n  - version: \"2023\"\n    file: gemeenten-2023.csv\n    published: 2023-01-01\n   " +
            " releaseNotes: Indeling op 1 januari 2023.\n";
        var manifest = AssetManifest.Parse("data/gemeenten.nl.asset.yml", yaml);

        Assert.Equal("gemeenten", manifest.Slug);
        var revision = Assert.Single(manifest.Revisions);
        Assert.Equal("2023", revision.Version);
        Assert.Equal(new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc), revision.PublishedUtc);
        Assert.Equal(3, revision.Line);

        var again = AssetManifest.Parse("data/gemeenten.nl.asset.yml", AssetManifest.Write(manifest.Title, manifest.Revisions));
        Assert.Equal(manifest.Revisions.Select(r => r with { Line = 0 }), again.Revisions.Select(r => r with { Line = 0 }));
    }

    [Theory]
    [InlineData("title: X\nrevisions:\n  - version: \"1\"\n    file: ../../etc/passwd\n    published: 2023-01-01\n", 3, "'file'")]
    [InlineData("title: X\nrevisions:\n  - version: \"1\"\n    file: a.pdf\n    published: gisteren\n", 3, "'published'")]
    [InlineData(
        "title: X\nrevisions:\n  - version: \"1\"\n    file: a.pdf\n    published: 2023-01-01\n  - version: \"1\"\n    file: b.pdf\n    published: " +
        "2023-02-01\n", 6, "listed twice")]
    public void A_bad_manifest_entry_is_reported_with_its_line(string yaml, int line, string message)
    {
        var error = Assert.Throws<RecipeFormatException>(() => AssetManifest.Parse("d/x.nl.asset.yml", yaml));

        Assert.Equal(line, error.Problem.Line);
        Assert.Contains(message, error.Problem.Message);
    }
}
