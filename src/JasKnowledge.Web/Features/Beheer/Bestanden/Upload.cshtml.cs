using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Blobs;
using JasKnowledge.Core.Content;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Data.Assets;
using JasKnowledge.Theme;
using JasKnowledge.Web.Features.Downloads;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace JasKnowledge.Web.Features.Beheer.Bestanden;

/// <summary>
/// /beheer/bestanden/{culture}/{slug}: a new revision of a downloadable file, with its version label and
/// release notes. The form is read here rather than by model binding, so that a file over the limit
/// (Jas:Uploads:MaxMegabytes) gets a 413 with a message on this page. The bytes are checked against the
/// extension and stored under their SHA-256 (never under a name the uploader chose); FileRevisionStore
/// adds the revision in one transaction with its audit entry and search rows. An upload that breaks
/// off stores nothing and adds nothing.
/// </summary>
[Authorize(Roles = PortalRoles.Administrator + "," + PortalRoles.Editor)]
[IgnoreAntiforgeryToken] // validated in the handler, after the size check
[DisableRequestSizeLimit, RequestFormLimits(MultipartBodyLengthLimit = long.MaxValue), NoFormBinding]
public sealed class UploadModel(
    PublishedAssets assets, FileRevisionStore files, IBlobStore blobs, IAntiforgery antiforgery, IConfiguration configuration,
    IEnumerable<JasKnowledge.Core.Modules.FileCheck> fileChecks)
    : PageModel
{
    public Asset Asset { get; private set; } = null!;
    public string? Problem { get; private set; }
    public string? Message { get; private set; }
    /// <summary>The field a refusal is about ("version" or "file"), which then points at the message.</summary>
    public string? ProblemField { get; private set; }
    /// <summary>The public page of the version just published.</summary>
    public string? PublishedPage { get; private set; }
    public string? Version { get; private set; }
    public string? ReleaseNotes { get; private set; }
    public long MaxBytes => configuration.GetValue("Jas:Uploads:MaxMegabytes", 1024L) * 1024 * 1024;

    // Culture and slug come from the route only, so that no form field chooses another file; the form is read by the
    // handler alone, after its size check (NoFormBinding).
    public async Task<IActionResult> OnGetAsync([FromRoute] string culture, [FromRoute] string slug, CancellationToken cancellationToken) =>
        await LoadAsync(culture, slug, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync([FromRoute] string culture, [FromRoute] string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(culture, slug, cancellationToken) is { } missing) return missing;
        if (Request.ContentLength is { } declared && declared > MaxBytes + 64 * 1024) return TooLarge();
        if (!IsMultipart(Request.ContentType))
            return BadForm("Het formulier kwam niet als bestandsupload aan (multipart/form-data). Gebruik het formulier op deze pagina.");
        var sizeLimit = HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeLimit is { IsReadOnly: false }) sizeLimit.MaxRequestBodySize = MaxBytes + 64 * 1024;
        IFormCollection form;
        try
        {
            form = await Request.ReadFormAsync(
                new FormOptions { MultipartBodyLengthLimit = MaxBytes, ValueLengthLimit = 64 * 1024 }, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        // The form reader says which of its limits was passed only in its message: the file's size, or one of the
        // other fields (notes of over 64 kB, thousands of fields) that this page's form never sends.
        catch (InvalidDataException e) when (e.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase))
        {
            return TooLarge();
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return BadForm("Het formulier had meer of langere velden dan dit formulier stuurt; de toelichting mag hoogstens 64 kB zijn. "
                + "Er is niets opgeslagen.");
        }
        catch (InvalidDataException)
        {
            // A part whose headers cannot be read (a file name with a line break in it): not a limit (attack of 7 December).
            return BadForm("Een deel van het formulier kon niet gelezen worden, bijvoorbeeld een bestandsnaam met een regeleinde erin. "
                + "Er is niets opgeslagen; geef het bestand een gewone naam en kies het opnieuw.");
        }
        catch (IOException)
        {
            return BadForm("Het formulier kwam niet heel aan. Er is niets opgeslagen; probeer het opnieuw.");
        }
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
            return BadForm("Het formulier is verlopen of kwam niet van deze pagina. Laad de pagina opnieuw en probeer het nog eens.");

        // Read here, not bound (NoFormBinding): a NUL is dropped as binding drops it elsewhere (TextWithoutNullCharacters).
        Version = form["version"].ToString().Replace("\0", "", StringComparison.Ordinal).Trim();
        ReleaseNotes = form["releaseNotes"].ToString().Replace("\0", "", StringComparison.Ordinal).Trim();
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0) return Refuse("Kies een bestand om te uploaden.", "file");
        if (!Asset.IsValidVersionLabel(Version)) return Refuse(
            $"'{Version}' kan geen versienummer zijn: gebruik letters, cijfers, '.', '_' en '-', zoals 1.3.", "version");
        if (AssetRevision.ReleaseNotesProblem(ReleaseNotes) is { } notesProblem) return Refuse($"{notesProblem} Er is niets opgeslagen.", "releaseNotes");
        if (Asset.Find(Version) is not null) return Refuse(
            $"Versie {Version} bestaat al. Een gepubliceerd bestand verandert nooit: geef het nieuwe bestand een nieuw versienummer.", "version");
        if (UploadRules.ByName(file.FileName) is not { } kind)
            return Refuse(
                $"Het portaal biedt geen bestanden van dit soort aan ('{Path.GetExtension(file.FileName)}'). Toegestaan: {UploadRules.Allowed}.", "file");
        var head = new byte[8192];
        int read;
        await using (var peek = file.OpenReadStream()) read = await peek.ReadAtLeastAsync(
            head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (!kind.Matches(head.AsMemory(0, read)))
            return Refuse($"Het bestand heet {kind.Extension}, maar de inhoud is geen {kind.Description}. Controleer of u het goede bestand koos.", "file");
        if (Asset.Latest is { } latest && !string.Equals(Path.GetExtension(latest.FileName), kind.Extension, StringComparison.OrdinalIgnoreCase))
            return Refuse($"Dit bestand is een {Path.GetExtension(file.FileName)}-bestand, de vorige versies zijn {Path.GetExtension(latest.FileName)}: " +
                "een nieuwe versie moet dezelfde soort hebben.", "file");

        await using (var whole = file.OpenReadStream())
        {
            if (await UploadRules.StructureProblemAsync(kind, whole, cancellationToken) is { } broken)
                return Refuse($"Het bestand is niet opgeslagen: {broken}", "file");
        }

        // A family a feature reads (the CBS list, the map's boundaries) takes only a file that feature can read.
        foreach (var check in fileChecks.Where(c => c.Slug == Asset.Slug))
        {
            await using var content = file.OpenReadStream();
            if (await check.ProblemAsync(content, cancellationToken) is { } problem)
                return Refuse($"Het bestand is niet opgeslagen: {problem}", "file");
        }

        StoredFile stored;
        await using (var content = file.OpenReadStream()) stored = await StoredFile.StoreAsync(blobs, content, kind.MediaType, cancellationToken);
        try
        {
            await files.UploadAsync(Asset.Id, stored, Version, kind.Extension, string.IsNullOrEmpty(ReleaseNotes) ? null : ReleaseNotes,
                User.Identity?.Name ?? "onbekend", cancellationToken);
        }
        catch (ContentRuleException e)
        {
            // The list of versions shows what was saved meanwhile.
            Asset = await assets.FindAsync(Asset.Culture, Asset.Slug, cancellationToken) ?? Asset;
            return Refuse(e.Message);
        }
        Asset = (await assets.FindAsync(Asset.Culture, Asset.Slug, cancellationToken))!;
        Message = $"Versie {Version} is gepubliceerd: {kind.Description}, {FileFacts.Size(stored.Size, Dutch)}. " +
            $"Controlegetal (SHA-256), waarmee wie het downloadt kan nagaan dat het bestand klopt: {stored.Sha256}";
        PublishedPage = Asset.Find(Version) is { } published ? DownloadUrls.Revision("nl", Asset, published) : null;
        (Version, ReleaseNotes) = (null, null);
        return Page();
    }

    private static readonly System.Globalization.CultureInfo Dutch = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");

    private PageResult Refuse(string problem, string? field = null)
    {
        Problem = problem;
        ProblemField = field;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private static bool IsMultipart(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        && !Microsoft.Extensions.Primitives.StringSegment.IsNullOrEmpty(type.Boundary);

    private PageResult BadForm(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private PageResult TooLarge()
    {
        Problem = $"Het bestand is te groot: het portaal neemt bestanden tot {MaxBytes / 1024 / 1024} MB aan. Er is niets opgeslagen.";
        ProblemField = "file";
        Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        // The rest of the body is not read: the connection closes after this answer.
        HttpContext.Response.Headers.Connection = "close";
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string culture, string slug, CancellationToken cancellationToken)
    {
        if (await assets.FindAsync(culture, slug, cancellationToken) is not { } asset) return NotFound();
        Asset = asset;
        ViewData[LayoutData.Title] = $"Nieuwe versie: {asset.Title}";
        return null;
    }
}
