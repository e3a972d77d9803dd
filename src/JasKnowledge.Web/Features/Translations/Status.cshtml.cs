using JasKnowledge.Core.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Translations;

public sealed class TranslationStatusModel(TranslationStatus status, CultureCatalog cultures) : PageModel
{
    public IReadOnlyList<TranslationRow> Rows { get; private set; } = [];
    public IReadOnlyList<CultureDefinition> Languages { get; } = cultures.All.Where(c => c.Code != cultures.Default.Code).ToList();
    public IReadOnlyDictionary<string, LanguageCount> Counts { get; private set; } = new Dictionary<string, LanguageCount>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = await status.RowsAsync(cancellationToken);
        Counts = TranslationStatus.Counts(Rows, Languages.Select(l => l.Code));
    }
}
