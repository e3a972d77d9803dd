using JasKnowledge.Core.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Translations;

public sealed class TranslationStatusModel(TranslationStatus status, CultureCatalog cultures, IEnumerable<JasKnowledge.Core.Modules.SearchTypeLabel> types)
    : PageModel
{
    private readonly Dictionary<string, string> _typeLabels = types.ToDictionary(t => t.Type, t => t.LabelKey);

    /// <summary>The interface string naming a type as search names it ("Informatieblad"), not its code ("info-sheet").</summary>
    public string? TypeLabelKey(string type) => _typeLabels.GetValueOrDefault(type);

    public IReadOnlyList<TranslationRow> Rows { get; private set; } = [];
    public IReadOnlyList<CultureDefinition> Languages { get; } = cultures.Translated;
    public IReadOnlyDictionary<string, LanguageCount> Counts { get; private set; } = new Dictionary<string, LanguageCount>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = await status.RowsAsync(cancellationToken);
        Counts = TranslationStatus.Counts(Rows, Languages.Select(l => l.Code));
    }
}
