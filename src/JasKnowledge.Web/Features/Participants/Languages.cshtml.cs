using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Participants;

/// <summary>The language-first entry page: every language by its own name, in its own script. It is
/// in Dutch and English around the choices, because the visitor has not chosen yet.</summary>
public sealed class LanguagesModel(JasKnowledge.Core.Localization.CultureCatalog cultures) : PageModel
{
    /// <summary>The code a visitor came with that the portal does not know (shown, never trusted): only when it has the
    /// shape of a language code. Any text had been shown, so a link could make the page say "Uw uitkering stopt. Bel …"
    /// in the portal's own voice (the attack of 6 December 2026).</summary>
    public string? Unknown { get; private set; }

    /// <summary>The page to open in the chosen language (<c>informatie/je-mentor</c>), from the QR code on a printed text; null for the
    /// participants' overview. Only a path of the portal's shape, never shown as text.</summary>
    public string? Pagina { get; private set; }

    public string UrlIn(string culture) => Pagina is null ? ParticipantsFeature.IndexUrl(culture) : $"/{culture}/{Pagina}";

    public IActionResult OnGet(string? onbekend, string? pagina)
    {
        Unknown = onbekend is { Length: <= 35 } code && ParticipantsFeature.LanguageCodeShape().IsMatch(code) ? code : null;
        if (string.IsNullOrEmpty(pagina)) return Page();
        // A path no printed code carries is no page of its own (the chooser at any address would be indexed as a copy).
        // A language prefix in it would lead to /ar/nl/… (attack h8): the page is given without one.
        if (!Print.PrintFeature.IsPortalPath("/" + pagina) || cultures.Contains(pagina.Split('/')[0])) return NotFound();
        Pagina = pagina;
        return Page();
    }
}
