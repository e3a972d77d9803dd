using JasKnowledge.Core.Content;
using JasKnowledge.Data;
using Microsoft.EntityFrameworkCore;

namespace JasKnowledge.Web.Features.Alerts;

/// <summary>
/// The chapters that changed between an edition and the one before: those of the changed-items type
/// (in the edition's language) whose public version was published after the previous edition. The one
/// place that answers "what changed" for an edition alert; the chapter-by-chapter comparison of issue
/// 24 point 5 can take its place.
/// </summary>
public static class EditionChanges
{
    /// <param name="since">When the previous edition was published; null for the first edition (nothing listed).</param>
    public static IReadOnlyList<string> ChangedTitles(JasDbContext db, string type, string culture, DateTime? since)
    {
        if (since is null) return [];
        // Entities the publishing transaction has already loaded count too; the query sees the committed rest.
        return db.ContentItems.AsNoTracking()
            .Where(i => i.Type == type && i.Culture == culture)
            .SelectMany(i => i.Versions)
            .Where(v => v.State == VersionState.Published && v.PublishedUtc > since)
            .OrderBy(v => v.Title)
            .Select(v => v.Title)
            .ToList();
    }
}
