using JasKnowledge.Core.Recipe;
using JasKnowledge.Tests.Integration.Infrastructure;
using JasKnowledge.Web.Features.InfoSheets;

namespace JasKnowledge.Tests.Integration.Participants;

/// <summary>The shipped sheet PDFs themselves: A4, one or two pages, and the sheet's own title in
/// them (poppler's pdfinfo and pdftotext read them as a participant's PDF reader would).</summary>
public sealed class SheetFileTests
{
    private static readonly string Content = Path.Combine(AppContext.BaseDirectory, "content");

    public static TheoryData<string> Manifests() =>
        new(Directory.EnumerateFiles(Path.Combine(Content, InfoSheetsFeature.FilesFolder), "*" + AssetManifest.Extension).Select(Path.GetFileName)
            .Order()!);

    [Theory]
    [MemberData(nameof(Manifests))]
    public async Task Each_sheet_pdf_prints_on_one_or_two_a4_pages_with_its_title(string manifestName)
    {
        var folder = Path.Combine(Content, InfoSheetsFeature.FilesFolder);
        var manifest = AssetManifest.Parse(manifestName, await File.ReadAllTextAsync(Path.Combine(folder, manifestName)));
        var latest = manifest.Revisions[^1];
        var sheetSlug = manifest.Slug[..^"-pdf".Length];
        var sheet = ContentFile.Parse(
            $"informatie/{sheetSlug}.{manifest.Culture}.md",
            await File.ReadAllTextAsync(Path.Combine(Content, "informatie", $"{sheetSlug}.{manifest.Culture}.md")));

        var info = await CommandLineTool.RunAsync("pdfinfo", Path.Combine(folder, latest.File));
        var text = await CommandLineTool.RunAsync("pdftotext", Path.Combine(folder, latest.File), "-");

        Assert.Contains("(A4)", info.Split('\n').Single(l => l.StartsWith("Page size", StringComparison.Ordinal)));
        Assert.InRange(int.Parse(info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim()), 1, 2);
        // The longest word of the title, compared without spacing and marks: pdftotext splits Arabic
        // words at ligatures and reorders combining marks, which a reader of the PDF never sees.
        var word = sheet.Text.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First().Trim('(', ')', '"');
        Assert.Contains(Plain(word), Plain(text));
    }

    private static string Plain(string text) =>
        new(text.Normalize(System.Text.NormalizationForm.FormKC)
            .Where(c => !char.IsWhiteSpace(c)
                && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) is not (
                System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.NonSpacingMark))
            .ToArray());
}
