using JasKnowledge.Core.Content;
using JasKnowledge.Core.Localization;
using JasKnowledge.Data.Content;
using JasKnowledge.Theme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Beheer.Inhoud;

/// <summary>/beheer/inhoud/{id}/geschiedenis?van=&amp;naar=: every version with its author, date and
/// change note, a line-by-line comparison of any two, and restore (which makes a new draft).</summary>
[Authorize(Roles = ContentAccess.ItemRoles)]
public sealed class HistoryModel(ContentStore store, CultureCatalog cultures, IEnumerable<JasKnowledge.Core.Modules.OwnEditor> ownEditors,
    IEnumerable<JasKnowledge.Core.Modules.IItemEditor> itemEditors) : PageModel
{
    public ContentItem Item { get; private set; } = null!;
    public ContentVersion? From { get; private set; }
    public ContentVersion? To { get; private set; }
    public IReadOnlyList<DiffLine> Diff { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? van, int? naar, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        var ordered = Item.Versions.OrderBy(v => v.Number).ToList();
        To = ordered.FirstOrDefault(v => v.Number == naar) ?? ordered.LastOrDefault();
        From = ordered.FirstOrDefault(v => v.Number == van) ?? ordered.LastOrDefault(v => To is not null && v.Number < To.Number);
        if ((van is not null && ordered.All(v => v.Number != van)) || (naar is not null && ordered.All(v => v.Number != naar)))
            Problem = "Die versie bestaat niet; de nieuwste versies worden vergeleken.";
        if (From is not null && To is not null)
            Diff = TextDiff.Lines(From.ComparableText(), To.ComparableText());
        return Page();
    }

    /// <param name="version">As text: a number the form did not send ("abc") is answered as such, not as version 0.</param>
    public async Task<IActionResult> OnPostRestoreAsync(Guid id, string? version, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        if (!int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            Problem = "Kies de versie om te herstellen met de knop bij die versie; er kwam geen versienummer mee.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        try
        {
            await store.RestoreAsync(Item, number, User.Identity?.Name ?? "onbekend", cancellationToken);
        }
        catch (ContentRuleException e)
        {
            Problem = Item.Draft is not null
                ? "Er is al een open concept. Publiceer of bewerk dat eerst; herstellen maakt een nieuw concept."
                : e.Message;
            Response.StatusCode = e.Rule == ContentRule.ChangedMeanwhile ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        return Redirect($"/beheer/inhoud/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } item) return NotFound();
        if (!await ContentAccess.MayEditAsync(User, item, cultures, ownEditors, itemEditors, cancellationToken)) return Forbid();
        Item = item;
        ViewData[LayoutData.Title] = $"Geschiedenis: {item.Current?.Title}";
        return null;
    }
}
