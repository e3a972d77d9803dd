using JasKnowledge.Core.Blobs;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Markdown;
using JasKnowledge.Data.Assets;
using JasKnowledge.Data.Content;
using JasKnowledge.Web.Features.Downloads;
using JasKnowledge.Web.Features.Handbook;
using JasKnowledge.Web.Features.InfoSheets;
using JasKnowledge.Web.Features.Media;
using JasKnowledge.Web.Features.Participants;

namespace JasKnowledge.Web.Features.SessionPack;

/// <summary>
/// GET /{culture}/handboek/{session}/pakket.zip?taal=ar&amp;taal=ti: the session as printable HTML, its
/// hand-out on its own, and for each chosen language the linked sheets (their PDFs) and the subtitles
/// of the linked videos, plus each film once. Written into the response as it is read, never built in
/// memory; SHA256SUMS lists every file. A language an item lacks is left out and named in LEESMIJ.txt.
/// </summary>
public static class SessionPackEndpoint
{
    public const int MaxLanguages = 8;

    public static async Task<IResult> GetAsync(string culture, string slug, string[]? taal, HttpContext http,
        HandbookReader reader, ParticipantMaterials materials, PublishedContent content, PublishedAssets assets, IBlobStore blobs,
            CultureCatalog cultures, CancellationToken cancellationToken)
    {
        var handbook = await reader.LoadAsync(culture, cancellationToken);
        if (handbook.Find(slug) is not { IsSession: true } session) return Results.NotFound();

        // Unknown codes are ignored rather than refused: the pack is still useful without them.
        var languages = (taal ?? []).Select(cultures.Find).OfType<CultureDefinition>().DistinctBy(c => c.Code).Take(MaxLanguages).ToList();
        if (languages.Count == 0) languages.Add(cultures.Find(culture) ?? cultures.Default);

        var linked = await materials.ForSessionAsync(slug, cultures.Default.Code, cancellationToken);
        var parts = new List<ZipPart>();
        var notes = new List<string>
        {
            $"{session.Title}",
            $"Sessiepakket van JasKnowledge, gemaakt op {DateTime.UtcNow:yyyy-MM-dd} voor de talen: "
                + $"{string.Join(", ", languages.Select(l => $"{l.NativeName} ({l.Code})"))}.",
            "",
            $"sessie/{slug}.html — de hele sessie uit het trainershandboek Het Gesprek, om af te drukken.",
            $"sessie/{slug}-hand-out.html — alleen de hand-out voor de deelnemers.",
        };
        var textCulture = cultures.Find(session.Item.Culture) ?? cultures.Default;
        var sourceNote = $"Uit het trainershandboek Het Gesprek, versie {session.Version.Number} van deze sessie (JasKnowledge).";
        parts.Add(
            ZipPart.Text(
            $"sessie/{slug}.html",
            StandaloneHtml.Document(
            textCulture.Code, textCulture.Direction, session.Title, MarkdownRenderer.ToHtml(session.Version.Body), sourceNote)));
        var handout = MarkdownOutline.Sections(session.Version.Body).FirstOrDefault(s => s.Heading?.Text == HandbookChapter.Handout);
        if (handout is not null)
            parts.Add(
                ZipPart.Text(
                $"sessie/{slug}-hand-out.html",
                StandaloneHtml.Document(
                textCulture.Code, textCulture.Direction, $"{session.Title}: {HandbookChapter.Handout}",
                MarkdownRenderer.ToHtml(handout.Markdown, null, 0), sourceNote)));

        foreach (var material in linked)
        {
            if (material.Type == MediaFeature.Type
                && await assets.FindAsync(MediaFeature.FilesCulture, MediaFeature.FilmSlug(material.Slug), cancellationToken) is { Latest: { } film })
            {
                parts.Add(ZipPart.File($"video/{material.Slug}.mp4", blobs, film));
                notes.Add($"video/{material.Slug}.mp4 — film: {material.Page.Version.Title}. De film heeft geen gesproken tekst: de "
                    + "ondertitels vertellen het verhaal. Open hem in een videospeler (bijvoorbeeld VLC) en voeg het .vtt-bestand in de taal "
                    + "van de groep toe als ondertiteling.");
            }
            foreach (var language in languages)
            {
                var page = await content.FindBySlugAsync(material.Type, material.Slug, language.Code, cancellationToken);
                if (page is null || page.IsFallback)
                {
                    notes.Add($"Ontbreekt in {language.NativeName} ({language.Code}): {material.Page.Version.Title}");
                    continue;
                }
                if (material.Type == MediaFeature.Type && VideoSubtitles.ForPlayers(page.Version) is { } vtt)
                {
                    parts.Add(ZipPart.Text($"video/{material.Slug}.{language.Code}.vtt", vtt));
                    notes.Add($"video/{material.Slug}.{language.Code}.vtt — ondertitels in {language.NativeName} ({language.Code}) bij de film.");
                }
                else if (material.Type == InfoSheetsFeature.Type)
                {
                    if (await SheetPdf.FindAsync(assets, content, page.Item, page.Version, cancellationToken) is { } pdf)
                    {
                        parts.Add(ZipPart.File($"informatie/{language.Code}/{material.Slug}.pdf", blobs, pdf.Revision));
                        notes.Add($"informatie/{language.Code}/{material.Slug}.pdf — informatieblad '{material.Page.Version.Title}' in "
                            + $"{language.NativeName} ({language.Code}), om af te drukken of door te sturen.");
                    }
                    else
                        notes.Add($"Nog geen PDF van de huidige tekst in {language.NativeName} ({language.Code}): {material.Page.Version.Title}");
                }
            }
        }
        notes.Add("");
        notes.Add($"{ZipDownload.ChecksumFile} — de SHA-256 van elk bestand; controleer met: sha256sum -c {ZipDownload.ChecksumFile} "
            + $"(op Windows per bestand: certutil -hashfile BESTAND SHA256, en vergelijk met de regel in {ZipDownload.ChecksumFile})");
        parts.Insert(0, ZipPart.Text("LEESMIJ.txt", string.Join("\n", notes) + "\n"));

        await ZipDownload.WriteAsync(http, $"het-gesprek-{slug}-{string.Join("-", languages.Select(l => l.Code))}.zip", parts, cancellationToken);
        return Results.Empty;
    }
}
