using JasKnowledge.Core.Audit;
using JasKnowledge.Core.Formats;
using JasKnowledge.Data;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Theme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JasKnowledge.Web.Features.Beheer;

/// <summary>/beheer/logboek?wie=&amp;actie=&amp;onderwerp=&amp;pagina=: who did what to which item and when,
/// filterable; ?handler=csv exports the same selection. Kept with the content in the same database.</summary>
[Authorize(Roles = PortalRoles.Administrator)]
public sealed class AuditLogModel(JasDbContext db) : PageModel
{
    public const int PageSize = 100;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public IReadOnlyList<string> Actions { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    [BindProperty(SupportsGet = true, Name = "wie")] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true, Name = "actie")] public string? Action { get; set; }
    [BindProperty(SupportsGet = true, Name = "onderwerp")] public string? Subject { get; set; }

    public async Task OnGetAsync(int? pagina, CancellationToken cancellationToken)
    {
        Actions = await db.AuditLog.Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        var query = Filtered();
        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(pagina ?? 1, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Entries = await query.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        ViewData[LayoutData.Title] = "Logboek";
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var entries = await Filtered().ToListAsync(cancellationToken);
        var bytes = Csv.Export(
            ["tijd (UTC)", "wie", "actie", "onderwerp", "toelichting"],
            entries.Select(entry => new[]
            {
                entry.AtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), entry.Actor,
                entry.Action, entry.Subject, entry.Detail,
            }));
        return File(bytes, "text/csv; charset=utf-8", "logboek.csv");
    }

    private IQueryable<AuditEntry> Filtered()
    {
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Actor)) query = query.Where(e => e.Actor.Contains(Actor.Trim()));
        if (!string.IsNullOrWhiteSpace(Action)) query = query.Where(e => e.Action == Action.Trim());
        if (!string.IsNullOrWhiteSpace(Subject)) query = query.Where(e => e.Subject.Contains(Subject.Trim()));
        return query.OrderByDescending(e => e.Id);
    }
}
