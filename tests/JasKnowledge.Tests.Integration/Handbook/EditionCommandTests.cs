using System.Diagnostics;
using JasKnowledge.Core.Recipe;
using JasKnowledge.Tests.Integration.Infrastructure;
using JasKnowledge.Web.Features.Handbook;

namespace JasKnowledge.Tests.Integration.Handbook;

/// <summary>The edition command as an editor runs it: real Chromium prints the handbook page to PDF,
/// the Word file comes from the same Markdown, and both land next to the manifests.</summary>
public sealed class EditionCommandTests
{
    private static Dictionary<string, string> Environment() => new()
    {
        ["Jas__Chromium"] = System.Environment.GetEnvironmentVariable("JAS_TEST_CHROMIUM") is { Length: > 0 } path
            ? path
            : throw new InvalidOperationException("JAS_TEST_CHROMIUM is not set: run the tests through ./test.sh."),
    };

    [Fact]
    public async Task A_new_edition_is_printed_from_the_current_text_and_recorded_with_its_source()
    {
        var folder = ContentFolders.CopyOfShipped();
        var chapter = Path.Combine(folder, "handboek", "sessie-8-samenleven-en-buren.nl.md");
        await File.AppendAllTextAsync(chapter, "\nEen zin die alleen in editie 9.0 staat: buren groeten elkaar.\n");

        var (exitCode, output, error) = await PortalProcess.RunAsync(Environment(), "edition", "9.0", folder, "Testeditie met een nieuwe zin.");

        Assert.True(exitCode == 0, error);
        Assert.Contains("Edition 9.0 written", output);
        var editions = Path.Combine(folder, EditionCommand.Folder);
        var manifest = AssetManifest.Parse(
            "x/het-gesprek-handboek-pdf.nl.asset.yml", await File.ReadAllTextAsync(Path.Combine(editions, "het-gesprek-handboek-pdf.nl.asset.yml")));
        var added = manifest.Revisions[^1];
        Assert.Equal("9.0", added.Version);
        Assert.Equal("Testeditie met een nieuwe zin.", added.ReleaseNotes);
        Assert.Matches("^sha256:[0-9a-f]{64}$", added.Source);
        Assert.NotEqual(manifest.Revisions[^2].Source, added.Source);
        Assert.Equal(
            manifest.Revisions.Count,
            (await File.ReadAllTextAsync(Path.Combine(editions, "het-gesprek-handboek-docx.nl.asset.yml"))).Split("- version:").Length - 1);

        var text = await PdfTextAsync(Path.Combine(editions, "het-gesprek-handboek-9.0.pdf"));
        Assert.Contains("Editie 9.0", text);
        Assert.Contains("buren groeten elkaar", text);
        Assert.True(new FileInfo(Path.Combine(editions, "het-gesprek-handboek-9.0.docx")).Length > 10_000);
    }

    [Fact]
    public async Task An_edition_is_refused_when_its_label_exists_or_nothing_changed()
    {
        var folder = ContentFolders.CopyOfShipped();
        // A label no shipped edition will reach, so that the test does not depend on the newest one.

        var taken = await PortalProcess.RunAsync(Environment(), "edition", "1.0", folder, "Opnieuw.");
        var unchanged = await PortalProcess.RunAsync(Environment(), "edition", "99.1", folder, "Niets nieuws.");
        var reserved = await PortalProcess.RunAsync(Environment(), "edition", "latest", folder, "Gereserveerd woord.");
        var missingNotes = await PortalProcess.RunAsync(Environment(), "edition", "99.1", folder);

        Assert.Equal(1, taken.ExitCode);
        Assert.Contains("Edition 1.0 exists already", taken.Error);
        Assert.Equal(1, unchanged.ExitCode);
        Assert.Contains("has not changed since edition", unchanged.Error);
        Assert.Equal(2, reserved.ExitCode);
        Assert.Equal(2, missingNotes.ExitCode);
        Assert.Contains("Usage: edition", missingNotes.Error);
        Assert.False(File.Exists(Path.Combine(folder, EditionCommand.Folder, "het-gesprek-handboek-99.1.pdf")));
    }

    private static async Task<string> PdfTextAsync(string path)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true };
        start.ArgumentList.Add(path);
        start.ArgumentList.Add("-");
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text;
    }
}
