using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;
using JasKnowledge.Core.Search;
using JasKnowledge.Data.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Search;

/// <summary>The search page. The query and filters live in the URL (q, lang, type, page), so a search
/// can be bookmarked and shared and works without JavaScript. Results are in the visitor's language
/// unless they choose another or all (lang=all); filter values that make no sense are ignored.</summary>
public sealed class SearchIndexModel(PortalSearch search, CultureCatalog cultures) : PageModel
{
    public const string AllLanguages = "all";

    public SearchOutcome? Outcome { get; private set; }
    public string Text { get; private set; } = "";
    /// <summary>The language filter as it goes in links: a code, or "all".</summary>
    public string LanguageFilter { get; private set; } = AllLanguages;
    public string? TypeFilter { get; private set; }
    public IReadOnlyList<SearchTypeLabel> Types => search.Types;

    /// <param name="page">From the query string by name: for Razor Pages a bare "page" is the page's own route value ("/Search/Index"),
    /// which made every later page show the first.</param>
    public async Task OnGetAsync(
        string culture, string? q, string? lang, string? type, [FromQuery(Name = "page")] string? page, CancellationToken cancellationToken)
    {
        Text = SearchQuery.Parse(q).Text;
        LanguageFilter = lang == AllLanguages ? AllLanguages : cultures.Find(lang)?.Code ?? culture;
        TypeFilter = search.IsType(type) ? type : null;
        if (Text.Length == 0) return;
        var pageNumber = int.TryParse(page, out var number) ? number : 1;
        Outcome = await search.SearchAsync(
            q, LanguageFilter == AllLanguages ? null : LanguageFilter, TypeFilter, pageNumber, cancellationToken, visitorCulture: culture,
            counted: User.Identity?.IsAuthenticated != true);
    }

    /// <summary>This page's URL with some parameters changed; the page number starts again at 1.</summary>
    public string Link(string culture, string? lang = null, string? type = null, int? page = null, bool clearType = false, string? text = null)
    {
        var parameters = new List<string> { "q=" + Uri.EscapeDataString(text ?? Text) };
        var language = lang ?? LanguageFilter;
        if (language != culture) parameters.Add("lang=" + Uri.EscapeDataString(language));
        var kind = clearType ? null : type ?? TypeFilter;
        if (kind is not null) parameters.Add("type=" + Uri.EscapeDataString(kind));
        if (page is > 1) parameters.Add("page=" + page);
        return SearchFeature.PageUrl(culture) + "?" + string.Join("&", parameters);
    }
}
