using JasKnowledge.Core.Localization;
using JasKnowledge.Web.Hosting.Localization;
using JasKnowledge.Theme;
using Microsoft.Extensions.Localization;
using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Recipe;
using JasKnowledge.Data.Assets;
using JasKnowledge.Data.Content;
using JasKnowledge.Data.Recipe;
using JasKnowledge.Web.Hosting.Printing;
using JasKnowledge.Core.Modules;

namespace JasKnowledge.Web.Features.InfoSheets;

/// <summary>
/// <c>sheet-files CONTENT-FOLDER</c>: makes the PDF of every sheet translation whose current text has
/// none yet. Chromium prints the sheet page itself, so the PDF is what the page shows, in the page's
/// font for its script. Each PDF records the digest of the text it was made from; its version label
/// counts 1, 2, 3 per sheet and language. Files and manifests go to informatie/bestanden and are imported.
/// </summary>
public sealed class SheetFilesCommand(IConfiguration configuration) : IPortalCommand
{
    public string Name => "sheet-files";
    public string Usage => "CONTENT-FOLDER";
    public string Summary => "the PDF of every information sheet translation whose text has none yet";
    public int MinArguments => 1;
    public int MaxArguments => 1;
    public bool ServesPages => true;
    public async Task<int> RunAsync(CommandContext context)
    {
        var (services, arguments, output, error, cancellationToken) = (
            context.Services, context.Arguments, context.Output, context.Error, context.CancellationToken);
        if (arguments.Count != 1 || !Directory.Exists(arguments[0]))
        {
            await error.WriteLineAsync("Usage: sheet-files CONTENT-FOLDER (the content folder, e.g. content).");
            return 2;
        }
        var folder = arguments[0];
        await using var scope = services.CreateAsyncScope();
        if (!await CleanImport.RunAsync(scope.ServiceProvider, folder, "sheet files are", error, cancellationToken)) return 1;

        var sheets = await scope.ServiceProvider.GetRequiredService<PublishedContent>().ListAsync(InfoSheetsFeature.Type, null, cancellationToken);
        var cultures = scope.ServiceProvider.GetRequiredService<CultureCatalog>();
        var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer<Ui>>();
        // In the sheet's own language: the notes are shown on its download page and found by search (they had been Dutch on
        // the Arabic and Tigrinya pages, the review of 6 December 2026).
        string ReleaseNote(string culture, string key)
        {
            using var texts = new TextsIn(cultures, culture);
            return text[key];
        }

        // A new file says what changed in the text's own words, its change note, so that a trainer holding the old PDF sees why
        // there is a new one ("Nieuwe PDF na een wijziging van de tekst." alone said nothing; fact check of 6 December 2026).
        string NewFileNote(string culture, ContentVersion version) => string.IsNullOrWhiteSpace(version.ChangeNote)
            ? ReleaseNote(culture, "SheetPdfNew") : $"{ReleaseNote(culture, "SheetPdfNew")} {version.ChangeNote.Trim()}";

        var assets = scope.ServiceProvider.GetRequiredService<PublishedAssets>();
        var address = context.Address!.TrimEnd('/');
        var printer = new ChromiumPdf(configuration);
        var target = Path.Combine(folder, InfoSheetsFeature.FilesFolder);
        Directory.CreateDirectory(target);
        var published = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        published = published.AddTicks(-(published.Ticks % TimeSpan.TicksPerSecond));
        var made = 0;
        foreach (var (item, version) in sheets)
        {
            var digest = ContentDigest.Of(version);
            var slug = InfoSheetsFeature.FileSlug(item.Slug);
            var existing = await assets.FindAsync(item.Culture, slug, cancellationToken);
            if (existing?.MadeFrom(digest) is not null) continue;

            // Numbered 1, 2, 3 per sheet and language: the text's own version number depends on the
            // database it was imported into, the file's label must not.
            var number = (existing?.Revisions.Count ?? 0) + 1;
            while (existing?.Find(number.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not null) number++;
            var label = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var fileName = $"{item.Slug}.{item.Culture}.{label}.pdf";
            await printer.PrintAsync(
                address + InfoSheetsFeature.SheetUrl(item.Culture, item.Slug), Path.Combine(target, fileName), cancellationToken);

            await AssetManifest.AppendAsync(Path.Combine(target, $"{slug}.{item.Culture}{AssetManifest.Extension}"), $"{version.Title} (PDF)",
                new AssetManifest.Revision(
                    label, fileName, "application/pdf", published, number == 1 ? ReleaseNote(item.Culture, "SheetPdfFirst") : NewFileNote(item.Culture, version), 0,
                    digest), cancellationToken);
            made++;
            await output.WriteLineAsync($"{item.Culture}/{item.Slug}: {fileName}");
        }

        var report = await scope.ServiceProvider.GetRequiredService<RecipeImporter>().ImportAsync(folder, cancellationToken);
        foreach (var problem in report.Problems) await error.WriteLineAsync(problem.ToString());
        await output.WriteLineAsync($"Made {made} sheet PDF(s) in {Path.GetFullPath(target)} and imported them: {report}.");
        return report.Problems.Count == 0 ? 0 : 1;
    }
}
