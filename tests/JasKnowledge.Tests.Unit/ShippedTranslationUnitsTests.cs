using JasKnowledge.Web.Features.Translations;
using JasKnowledge.Core.Recipe;
using JasKnowledge.Core.Translations;

namespace JasKnowledge.Tests.Unit;

/// <summary>Every shipped translation has the blocks of its Dutch text, of the same kinds, in the same order. The XLIFF
/// export gives a translator the current translation of a block only when the blocks line up; otherwise every unit of
/// the item comes out empty, to be translated again.</summary>
public sealed class ShippedTranslationUnitsTests
{
    private static readonly string Content = Path.Combine(AppContext.BaseDirectory, "content");

    public static TheoryData<string> Translations() => new(
        Directory.EnumerateFiles(Content, "*.nl.md", SearchOption.AllDirectories).Order()
            .SelectMany(dutch => Directory.EnumerateFiles(Path.GetDirectoryName(dutch)!, Path.GetFileName(dutch)[..^".nl.md".Length] + ".*.md")
                .Where(file => file != dutch && Path.GetFileName(file).Split('.').Length == 3).Order())
            .Select(file => Path.GetRelativePath(Content, file)));

    private static string Body(string path) => ContentFile.Parse(path, File.ReadAllText(Path.Combine(Content, path))).Text.Body;

    /// <summary>And its blocks put into the Dutch text's structure give the translation back as it is, so an export sent
    /// back unchanged makes no draft to review.</summary>
    [Theory]
    [MemberData(nameof(Translations))]
    public void A_translation_lines_up_with_its_dutch_text_block_for_block(string translation)
    {
        var culture = translation.Split('.')[^2];
        var dutch = MarkdownUnits.Of(Body(translation[..^$".{culture}.md".Length] + ".nl.md"));
        var own = MarkdownUnits.Of(Body(translation)).Units;
        Assert.Equal(dutch.Units.Select(u => u.Kind), own.Select(u => u.Kind));
        Assert.Equal(Body(translation), dutch.Join(own.Select(u => u.Text).ToList()));
        // And each block passes the import's rule for one unit, so the same text sent back through XLIFF is taken. (A block
        // whose links or emphasis differ from the Dutch would go out as a note instead; none does today.)
        var language = translation.Split('.')[^2];
        Assert.All(own.Zip(dutch.Units), pair => Assert.Null(TranslatedLayout.Problem(pair.First.Kind, pair.Second.Text, pair.First.Text, "nl", language)));
        Assert.Null(TranslatedLayout.JoinedProblem(Body(translation[..^$".{culture}.md".Length] + ".nl.md"), Body(translation), "nl", language));
    }
}
