using JasKnowledge.Core.Content;
using JasKnowledge.Core.Formats;
using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Content;
using JasKnowledge.Theme;
using JasKnowledge.Web.Features.Translations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Beheer.Inhoud;

/// <summary>
/// /beheer/inhoud/{id}/vertalingen: the languages of one text, each with its state, a link to it, and "Vertaling beginnen" where it
/// is missing. For everyone who may work on one of them: editors in every language, a translator in theirs, and a municipal editor
/// their municipality's page in every language (a municipality has its page translated and puts the text in itself; before, only
/// the portal's translators could begin one, on /beheer/vertalingen, which municipal editors do not see).
/// </summary>
[Authorize(Roles = ContentAccess.ItemRoles)]
public sealed class ItemTranslationsModel(
    ContentStore store, CultureCatalog cultures, TranslationExchange exchange, IEnumerable<TranslatedType> types,
    IEnumerable<OwnEditor> ownEditors, IEnumerable<IItemEditor> itemEditors) : PageModel
{
    /// <param name="Item">The translation, or null when none was begun.</param>
    /// <param name="State">Against the Dutch text published now; Missing while the translation is not published.</param>
    /// <param name="MayWork">Whether this user may open it, or begin it.</param>
    public sealed record Language(CultureDefinition Culture, ContentItem? Item, TranslationState State, bool MayWork);

    /// <summary>The Dutch text.</summary>
    public ContentItem Item { get; private set; } = null!;
    public IReadOnlyList<Language> Languages { get; private set; } = [];
    /// <summary>False for a Dutch-only type (the handbook, a municipality's record): there is nothing to translate.</summary>
    public bool IsTranslated { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    /// <param name="taal">The language to begin, as its code ("ar").</param>
    public async Task<IActionResult> OnPostStartAsync(Guid id, string? taal, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        var language = Languages.FirstOrDefault(l => l.Culture.Code == cultures.Find(taal)?.Code);
        if (language is null) return Refuse($"'{Excerpt.Of(taal, 20)}' is geen taal om naar te vertalen.");
        if (!language.MayWork)
            return Refuse($"Vertalen naar {language.Culture.NativeName} ({language.Culture.Code}) is niet aan u toegewezen.", StatusCodes.Status403Forbidden);
        var (item, refusal) = await exchange.StartAsync(Item.LocalizationSet, language.Culture.Code, User.Identity?.Name ?? "onbekend", cancellationToken);
        return item is not null ? Redirect($"/beheer/inhoud/{item.Id}") : Refuse(refusal!);
    }

    private PageResult Refuse(string problem, int status = StatusCodes.Status422UnprocessableEntity)
    {
        Problem = problem;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } item) return NotFound();
        // From a translation's editor: the page of its Dutch text, which holds every language; only for whoever may edit the
        // translation (its Dutch text's address is not told to others: attack of 7 December).
        if (item.Culture != cultures.Default.Code)
            return !await ContentAccess.MayEditAsync(User, item, cultures, ownEditors, itemEditors, cancellationToken) ? Forbid()
                : await store.FindAsync(item.LocalizationSet, cultures.Default.Code, cancellationToken) is { } dutch
                ? RedirectToPage(new { id = dutch.Id })
                : NotFound();
        Item = item;
        IsTranslated = types.Any(t => t.Type == item.Type);
        var others = await store.TranslationsAsync(item, cancellationToken);
        var neededFrom = TranslationFreshness.NeededFrom(item.Versions);
        var languages = new List<Language>();
        if (IsTranslated)
            foreach (var culture in cultures.Translated)
            {
                var translation = others.FirstOrDefault(o => o.Culture == culture.Code);
                IContentAddress address = translation ?? (IContentAddress)new ItemAddress(item.Type, culture.Code, item.LocalizationSet, item.Slug);
                languages.Add(new Language(
                    culture, translation, translation?.Published is { } published ? TranslationFreshness.Of(neededFrom, published) : TranslationState.Missing,
                    await ContentAccess.MayEditAsync(User, address, cultures, ownEditors, itemEditors, cancellationToken)));
            }
        Languages = languages;
        if (!languages.Any(l => l.MayWork) && !await ContentAccess.MayEditAsync(User, item, cultures, ownEditors, itemEditors, cancellationToken))
            return Forbid();
        ViewData[LayoutData.Title] = $"Vertalingen: {item.Current?.Title}";
        return null;
    }
}
