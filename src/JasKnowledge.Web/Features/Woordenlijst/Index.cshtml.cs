using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Translations;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Woordenlijst;

/// <summary>/{culture}/woordenlijst: the key terms in the visitor's language, each with the Dutch word
/// they will hear and one plain sentence.</summary>
public sealed class WoordenlijstModel(Glossary glossary, CultureCatalog cultures) : PageModel
{
    public IReadOnlyList<(GlossaryTerm Term, GlossaryEntry Entry)> Terms { get; private set; } = [];
    public bool IsDutch { get; private set; }

    public void OnGet(string culture)
    {
        IsDutch = culture == cultures.Default.Code;
        Terms = glossary.Terms.Where(t => t.In(culture) is not null).Select(t => (t, t.In(culture)!))
            .OrderBy(t => t.Item2.Form, StringComparer.Create(cultures.FormattingCulture(culture), ignoreCase: true)).ToList();
    }
}
