using JasKnowledge.Core.Localization;
using JasKnowledge.Theme;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Handbook;

/// <summary>Every handbook page shows the handbook in the reader's language or the nearest available
/// one and says so when it falls back; hreflang names only the languages the handbook text exists in.</summary>
public abstract class HandbookPageModel(HandbookReader reader, CultureCatalog cultures) : PageModel
{
    public HandbookContents Handbook { get; private set; } = new(null, [], []);
    public CultureDefinition Ui { get; private set; } = cultures.Default;
    /// <summary>The language of the handbook text on this page (may differ from the interface).</summary>
    public CultureDefinition Text { get; private set; } = cultures.Default;

    protected async Task LoadAsync(string culture, string pathAfterCulture, CancellationToken cancellationToken)
    {
        Ui = PortalCulture.Get(HttpContext);
        Handbook = await reader.LoadAsync(culture, cancellationToken);
        Text = cultures.Find(Handbook.TextCulture) ?? Ui;
        if (Text.Code != Ui.Code) ViewData[LayoutData.ShownInstead] = Text;
        ViewData[LayoutData.Alternates] = Handbook.Languages
            .Select(code => new PageAlternate(code, $"/{code}{pathAfterCulture}"))
            .ToList();
        // The page exists in every interface language (with the nearest text and a notice): the switcher offers them all.
        ViewData[LayoutData.LanguageSwitch] = cultures.All
            .Select(c => new PageAlternate(c.Code, $"/{c.Code}{pathAfterCulture}"))
            .ToList();
    }

    /// <summary>The handbook in another language, e.g. the Dutch text that editions are made of.</summary>
    protected Task<HandbookContents> LoadOtherAsync(string culture, CancellationToken cancellationToken) =>
        reader.LoadAsync(culture, cancellationToken);

    /// <summary>lang and dir for an element holding handbook text, when it differs from the page's.</summary>
    public string? TextLang => Text.Code == Ui.Code ? null : Text.Code;
    public string? TextDir => Text.Code == Ui.Code ? null : Text.Direction;
}
