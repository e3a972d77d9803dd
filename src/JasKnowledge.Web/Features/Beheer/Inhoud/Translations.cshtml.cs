using JasKnowledge.Core.Content;
using JasKnowledge.Core.Formats;
using JasKnowledge.Core.Localization;
using JasKnowledge.Data;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Data.Content;
using Microsoft.AspNetCore.Identity;
using JasKnowledge.Theme;
using JasKnowledge.Web.Features.Translations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JasKnowledge.Web.Features.Beheer.Inhoud;

/// <summary>
/// /beheer/vertalingen: the translation status with its work: every translated item × every language,
/// a link to edit a translation that exists, and "Vertaling beginnen" where it is missing. A new
/// translation starts as a draft with the Dutch text and records the Dutch version it was made from.
/// </summary>
[Authorize(Roles = ContentAccess.Roles)]
// The largest import and its form around it; a longer body is a 413 before anything reads it (UnreadableRequests).
[RequestSizeLimit(MaxXliffBytes + 1024 * 1024)]
public sealed class TranslationsModel(
    TranslationStatus status, TranslationExchange exchange, WordsLeft words, JasDbContext db, CultureCatalog cultures,
    UserManager<PortalUser> users, AccountAdministration accounts, Microsoft.Extensions.Options.IOptions<TranslationReview> review) : PageModel
{
    /// <summary>Whether translations need a second reader before they go online (<see cref="TranslationReview"/>).</summary>
    public bool ReviewRequired => review.Value.TranslationsNeedReview;

    /// <summary>Translations with an open draft in the user's languages, oldest first: with a second reader required, the editors' work
    /// list; otherwise the drafts nobody published yet. Also those whose Dutch text is offline, which the status rows leave out.</summary>
    public IReadOnlyList<ContentItem> OpenDrafts { get; private set; } = [];

    /// <summary>Larger than the whole portal's text in one language many times over.</summary>
    public const long MaxXliffBytes = 10 * 1024 * 1024;

    public IReadOnlyList<TranslationRow> Rows { get; private set; } = [];
    public IReadOnlyList<CultureDefinition> Languages { get; } = cultures.Translated;
    /// <summary>The languages this user may translate into: a translator's own, for editors every one.</summary>
    public IReadOnlyList<CultureDefinition> OwnLanguages => Languages.Where(l => ContentAccess.MayTranslateInto(User, l.Code, cultures)).ToList();
    /// <summary>Items by localization set and culture, drafts included.</summary>
    public IReadOnlyDictionary<(string Set, string Culture), ContentItem> Items { get; private set; } = new Dictionary<(string, string),
        ContentItem>();
    public string? Problem { get; private set; }
    public XliffImportReport? Report { get; private set; }
    /// <summary>The language of the imported file, for the command that puts its interface strings in the code.</summary>
    public string? ImportedLanguage { get; private set; }
    /// <summary>For a translator: whether they get a mail when a Dutch text they translated changes; null for other roles.</summary>
    public bool? DutchChangeMail { get; private set; }
    public string? Done { get; private set; }
    /// <summary>Words left per language (missing, changed, interface strings).</summary>
    public IReadOnlyList<LanguageWords> Words { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostStartAsync(string set, string culture, CancellationToken cancellationToken)
    {
        if (TargetLanguage(culture) is not { } language)
            return await RefuseAsync($"'{Excerpt.Of(culture, 20)}' is geen taal om naar te vertalen.", cancellationToken);
        if (NotOwn(language) is { } notOwn) return await RefuseAsync(notOwn, cancellationToken, StatusCodes.Status403Forbidden);
        var (item, refusal) = await exchange.StartAsync(set, language, User.Identity?.Name ?? "onbekend", cancellationToken);
        return item is not null ? Redirect($"/beheer/inhoud/{item.Id}") : await RefuseAsync(refusal!, cancellationToken);
    }

    /// <summary>A translator switches the mail about changed Dutch texts on ("aan") or off ("uit"), for their own account.</summary>
    public async Task<IActionResult> OnPostMailAsync(string? mail, CancellationToken cancellationToken)
    {
        if (!User.IsInRole(PortalRoles.Translator))
            return await RefuseAsync("Deze mail is voor vertalers; uw account krijgt hem niet.", cancellationToken, StatusCodes.Status403Forbidden);
        if (mail is not ("aan" or "uit")) return await RefuseAsync("Kies ja of nee bij \"Deze mail krijgen\".", cancellationToken);
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await accounts.SetDutchChangeMailAsync(user, mail == "aan");
        Done = mail == "aan"
            ? "Opgeslagen: u krijgt een mail als een Nederlandse tekst die u vertaald hebt verandert."
            : "Opgeslagen: u krijgt geen mail meer als een Nederlandse tekst verandert. Deze pagina blijft tonen wat verouderd is.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The words left per language as CSV, to check an agency's quote.</summary>
    public async Task<IActionResult> OnGetWordsCsvAsync(CancellationToken cancellationToken) =>
        File(WordsLeft.Csv(await words.CountAsync(cancellationToken)), "text/csv", "vertalingen-woorden.csv");

    /// <summary>The XLIFF file of a language: what is missing or outdated, or with <paramref name="all"/> everything.</summary>
    public async Task<IActionResult> OnGetXliffAsync(string? lang, bool all, CancellationToken cancellationToken)
    {
        if (TargetLanguage(lang) is not { } language)
            return await RefuseAsync($"'{Excerpt.Of(lang, 20)}' is geen taal om naar te vertalen.", cancellationToken);
        lang = language;
        var xml = await exchange.ExportAsync(lang, all, cancellationToken);
        return File(System.Text.Encoding.UTF8.GetBytes(xml), "application/x-xliff+xml", $"jasknowledge-nl-{lang}{(all ? "-alles" : "")}.xlf");
    }

    /// <summary>Imports a translated XLIFF file as drafts; a bad file is refused whole with the unit and line.</summary>
    public async Task<IActionResult> OnPostXliffAsync(string? lang, IFormFile? file, CancellationToken cancellationToken)
    {
        if (TargetLanguage(lang) is not { } language)
            return await RefuseAsync($"'{Excerpt.Of(lang, 20)}' is geen taal om naar te vertalen.", cancellationToken);
        if (NotOwn(language) is { } notOwn) return await RefuseAsync(notOwn, cancellationToken, StatusCodes.Status403Forbidden);
        lang = language;
        if (file is null || file.Length == 0) return await RefuseAsync("Kies een XLIFF-bestand om te importeren.", cancellationToken);
        if (file.Length > MaxXliffBytes)
            return await RefuseAsync("Het bestand is groter dan 10 MB; dat is geen XLIFF-bestand van dit portaal.", cancellationToken);
        string xml;
        using (var reader = new StreamReader(file.OpenReadStream())) xml = await reader.ReadToEndAsync(cancellationToken);
        try
        {
            Report = await exchange.ImportAsync(lang, xml, User.Identity?.Name ?? "onbekend", cancellationToken);
            ImportedLanguage = lang;
        }
        catch (JasKnowledge.Web.Features.Translations.XliffFormatException e)
        {
            return await RefuseAsync(
                $"Het bestand is niet geïmporteerd (er is niets veranderd). {e.Message}"
                + $"{(e.Unit is null ? "" : $" Unit: {e.Unit}.")}{(e.Line > 0 ? $" Regel {e.Line}." : "")}",
                cancellationToken);
        }
        catch (ContentRuleException e)
        {
            return await RefuseAsync($"Het importeren stopte: {e.Message}", cancellationToken);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>A language to translate into, as the portal writes its code ("UK" is "uk"); never the source language.</summary>
    private string? TargetLanguage(string? code) =>
        cultures.Find(code) is { } language && language.Code != cultures.Default.Code ? language.Code : null;

    /// <summary>Why this user may not translate into <paramref name="code"/>, or null when they may.</summary>
    private string? NotOwn(string code) => ContentAccess.MayTranslateInto(User, code, cultures)
        ? null
        : $"Vertalen naar '{code}' is niet aan u toegewezen; u vertaalt naar {string.Join(", ", OwnLanguages.Select(l => $"'{l.Code}'"))}."
          + " Een beheerder kan uw talen veranderen.";

    private async Task<IActionResult> RefuseAsync(
        string problem, CancellationToken cancellationToken, int status = StatusCodes.Status422UnprocessableEntity)
    {
        Problem = problem;
        Response.StatusCode = status;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Rows = await status.RowsAsync(cancellationToken);
        Words = await words.CountAsync(cancellationToken);
        var sets = Rows.Select(r => r.LocalizationSet).ToList();
        Items = (
            await db.ContentItems.AsNoTracking().Include(i => i.Versions).Where(i => sets.Contains(i.LocalizationSet)).ToListAsync(cancellationToken))
            .ToDictionary(i => (i.LocalizationSet, i.Culture));
        if (User.IsInRole(PortalRoles.Translator) && await users.GetUserAsync(User) is { } account) DutchChangeMail = account.DutchChangeMail;
        var own = OwnLanguages.Select(l => l.Code).ToList();
        OpenDrafts = (await db.ContentItems.AsNoTracking().Include(i => i.Versions)
                .Where(i => own.Contains(i.Culture) && i.Versions.Any(v => v.State == VersionState.Draft)).ToListAsync(cancellationToken))
            .OrderBy(i => i.Draft!.CreatedUtc).ToList();
        ViewData[LayoutData.Title] = "Vertalingen";
    }

}
