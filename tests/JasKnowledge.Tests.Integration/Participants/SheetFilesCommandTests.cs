using JasKnowledge.Core.Recipe;
using JasKnowledge.Tests.Integration.Infrastructure;
using JasKnowledge.Web.Features.InfoSheets;

namespace JasKnowledge.Tests.Integration.Participants;

/// <summary>The sheet-files command as an editor runs it after changing a sheet: real Chromium prints
/// only the changed translation, the manifest gains a revision with the new text's digest, and a
/// second run has nothing to do.</summary>
public sealed class SheetFilesCommandTests
{
    [Fact]
    public async Task Only_a_changed_sheet_gets_a_new_pdf_and_a_second_run_makes_nothing()
    {
        var chromium = Environment.GetEnvironmentVariable("JAS_TEST_CHROMIUM") is { Length: > 0 } path
            ? path : throw new InvalidOperationException("JAS_TEST_CHROMIUM is not set: run the tests through ./test.sh.");
        var environment = new Dictionary<string, string> { ["Jas__Chromium"] = chromium };
        var folder = ContentFolders.CopyOfShipped();
        var sheet = Path.Combine(folder, "informatie", "je-mentor.so.md");
        var files = Path.Combine(folder, InfoSheetsFeature.FilesFolder);
        var manifestPath = Path.Combine(files, "je-mentor-pdf.so.asset.yml");
        var shipped = AssetManifest.Parse("je-mentor-pdf.so.asset.yml", await File.ReadAllTextAsync(manifestPath)).Revisions.Select(r => r.Version).ToList();
        await File.AppendAllTextAsync(sheet, "\nJumlad tijaabo ah oo keliya ku jirta nuqulka labaad.\n");
        var text = await File.ReadAllTextAsync(sheet);
        await File.WriteAllTextAsync(sheet, System.Text.RegularExpressions.Regex.Replace(
            text, "^changeNote: .*$", "changeNote: \"Jumlad tijaabo ah ayaa lagu daray.\"", System.Text.RegularExpressions.RegexOptions.Multiline));

        var (exitCode, output, error) = await PortalProcess.RunAsync(environment, "sheet-files", folder);

        Assert.True(exitCode == 0, error);
        Assert.Contains("Made 1 sheet PDF(s)", output);
        var manifest = AssetManifest.Parse("je-mentor-pdf.so.asset.yml", await File.ReadAllTextAsync(manifestPath));
        // The shipped revisions stay as they are; the changed text gets the next one.
        Assert.Equal([.. shipped, (shipped.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)], manifest.Revisions.Select(r => r.Version));
        Assert.NotEqual(manifest.Revisions[^2].Source, manifest.Revisions[^1].Source);
        // The note is in the sheet's language: it is shown on the Somali download page (it had been Dutch). It says what changed,
        // in the text's own change note.
        Assert.Equal("PDF cusub oo la sameeyay kadib markii qoraalka la beddelay. Jumlad tijaabo ah ayaa lagu daray.", manifest.Revisions[^1].ReleaseNotes);
        var printed = await CommandLineTool.RunAsync("pdftotext", Path.Combine(files, manifest.Revisions[^1].File), "-");
        Assert.Contains("nuqulka labaad", printed);
        // On paper the sheet names its address and version, beside the code to it in the reader's own language.
        Assert.Contains("/so/informatie/je-mentor", printed);
        Assert.Matches(@"Qoraalkan \(nuqulka \d+\)", printed);

        var again = await PortalProcess.RunAsync(environment, "sheet-files", folder);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("Made 0 sheet PDF(s)", again.Output);
    }

    [Fact]
    public async Task Without_a_content_folder_the_command_explains_its_use()
    {
        var (exitCode, _, error) = await PortalProcess.RunAsync(
            new Dictionary<string, string>(), "sheet-files", Path.Combine(Path.GetTempPath(), "bestaat-niet-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(2, exitCode);
        Assert.Contains("Usage: sheet-files CONTENT-FOLDER", error);
    }
}
