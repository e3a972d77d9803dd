using System.Globalization;
using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Recipe;
using JasKnowledge.Data.Recipe;
using JasKnowledge.Web.Hosting.Printing;
using Microsoft.Extensions.Localization;
using JasKnowledge.Core.Modules;

namespace JasKnowledge.Web.Features.Handbook;

/// <summary>
/// <c>edition VERSION CONTENT-FOLDER "release notes"</c>: makes a new edition of the handbook from the
/// Markdown in the content folder. The PDF is the printable handbook page printed by headless
/// Chromium, so web and PDF are the same HTML; the Word file comes from the same Markdown. Both are
/// written next to the edition manifests in the content folder and imported, so they are committed
/// with the content and never change afterwards.
/// </summary>
public sealed class EditionCommand(IConfiguration configuration) : IPortalCommand
{
    public string Name => "edition";
    public string Usage => "VERSION CONTENT-FOLDER \"RELEASE NOTES\"";
    public string Summary => "a new edition of the handbook (PDF and Word) from the content folder, imported at once";
    public int MinArguments => 3;
    public int MaxArguments => 3;
    public bool ServesPages => true;
    public const string Folder = "handboek/edities";

    public async Task<int> RunAsync(CommandContext context)
    {
        var (services, arguments, output, error, cancellationToken) = (
            context.Services, context.Arguments, context.Output, context.Error, context.CancellationToken);
        if (arguments.Count != 3 || string.IsNullOrWhiteSpace(arguments[2]))
        {
            await error.WriteLineAsync(
                "Usage: edition VERSION CONTENT-FOLDER \"RELEASE NOTES\" (for example: edition 2.0 content \"Nieuwe sessie over buren.\")");
            return 2;
        }
        var (version, folder, notes) = (arguments[0], arguments[1], arguments[2].Trim());
        if (!Asset.IsValidVersionLabel(version))
        {
            await error.WriteLineAsync($"'{version}' cannot be a version label: use letters, digits, '.', '_' and '-', like 2.0.");
            return 2;
        }
        if (!Directory.Exists(folder))
        {
            await error.WriteLineAsync($"The content folder '{folder}' does not exist.");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        if (!await CleanImport.RunAsync(scope.ServiceProvider, folder, "an edition is", error, cancellationToken)) return 1;
        var handbook = await scope.ServiceProvider.GetRequiredService<HandbookReader>().LoadAsync(HandbookFeature.EditionCulture, cancellationToken);
        if (handbook.Chapters.Count == 0)
        {
            await error.WriteLineAsync("The content folder has no handbook chapters (type handbook-chapter).");
            return 1;
        }
        var existing = await scope.ServiceProvider.GetRequiredService<HandbookEditions>().ListAsync(cancellationToken);
        if (existing.Any(e => string.Equals(e.Version, version, StringComparison.OrdinalIgnoreCase)))
        {
            await error.WriteLineAsync($"Edition {version} exists already; a published edition never changes. Choose a new version label.");
            return 1;
        }
        var source = handbook.SourceDigest();
        if (existing.FirstOrDefault() is { Source: { } latestSource } latest && latestSource == source)
        {
            await error.WriteLineAsync($"The text has not changed since edition {latest.Version}; there is nothing new to publish.");
            return 1;
        }

        var published = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        published = published.AddTicks(-(published.Ticks % TimeSpan.TicksPerSecond));
        var target = Path.Combine(folder, Folder);
        Directory.CreateDirectory(target);
        var pdfName = $"het-gesprek-handboek-{version}.pdf";
        var docxName = $"het-gesprek-handboek-{version}.docx";
        var sourceName = $"het-gesprek-handboek-{version}.bron.json";

        var pending = services.GetRequiredService<PendingEdition>();
        pending.Version = version;
        pending.PublishedUtc = published;
        try
        {
            var address = context.Address!;
            await new ChromiumPdf(configuration)
                .PrintAsync(
                $"{address.TrimEnd('/')}{HandbookFeature.PrintUrl(HandbookFeature.EditionCulture)}", Path.Combine(target, pdfName),
                cancellationToken);
        }
        finally
        {
            pending.Version = null;
        }

        // The Word file's cover says what the printed page's cover says, from the same interface strings.
        var formatting = services.GetRequiredService<CultureCatalog>().FormattingCulture(HandbookFeature.EditionCulture);
        var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer<Theme.Ui>>();
        var uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = formatting;
        string cover, colophon;
        try
        {
            cover = text["HandbookEdition", version, published.ToString("d MMMM yyyy", formatting)];
            colophon = text["HandbookColophon"];
        }
        finally
        {
            CultureInfo.CurrentUICulture = uiCulture;
        }
        await using (var docx = File.Create(Path.Combine(target, docxName)))
        {
            HandbookDocx.Write(docx, handbook, cover, colophon);
        }

        // The text itself, so that later editions can be compared with this one chapter by chapter.
        await using (var json = File.Create(Path.Combine(target, sourceName)))
        {
            await EditionSource.From(version, handbook).WriteAsync(json, cancellationToken);
        }

        await AssetManifest.AppendAsync(
            ManifestPath(target, HandbookFeature.PdfSlug), "Het Gesprek: handboek voor trainers (PDF)",
            new AssetManifest.Revision(version, pdfName, "application/pdf", published, notes, 0, source), cancellationToken);
        await AssetManifest.AppendAsync(
            ManifestPath(target, HandbookFeature.DocxSlug), "Het Gesprek: handboek voor trainers (Word, bewerkbaar)",
            new AssetManifest.Revision(version, docxName, HandbookDocx.MediaType, published, notes, 0, source), cancellationToken);
        await AssetManifest.AppendAsync(
            ManifestPath(target, HandbookFeature.SourceSlug), "Het Gesprek: brontekst van het handboek (JSON, per hoofdstuk)",
            new AssetManifest.Revision(version, sourceName, EditionSource.MediaType, published, notes, 0, source), cancellationToken);

        var report = await scope.ServiceProvider.GetRequiredService<RecipeImporter>().ImportAsync(folder, cancellationToken);
        foreach (var problem in report.Problems) await error.WriteLineAsync(problem.ToString());
        await output.WriteLineAsync(
            $"Edition {version} written to {Path.GetFullPath(target)} ({pdfName}, {docxName}, {sourceName}) and imported: {report}.");
        return report.Problems.Count == 0 ? 0 : 1;
    }

    private static string ManifestPath(string folder, string slug) =>
        Path.Combine(folder, $"{slug}.{HandbookFeature.EditionCulture}{AssetManifest.Extension}");
}
