using JasKnowledge.Core.Content;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data;
using Microsoft.EntityFrameworkCore;

namespace JasKnowledge.Web.Features.InfoSheets;

/// <summary>The page of a sheet's versions, in each language where that sheet has two or more published
/// versions (with one there is nothing to compare, and the sheet does not link to it). Each is a page of
/// its own: the versions of one language are not a translation of another's. Dated by the newest version.</summary>
public sealed class SheetVersionsSitemap : ISitemapSource
{
    public async Task<IEnumerable<IReadOnlyList<SitemapPage>>> PagesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<JasDbContext>();
        var versions = await (
            from version in db.ContentVersions.AsNoTracking()
            join item in db.ContentItems.AsNoTracking() on version.ItemId equals item.Id
            where item.Type == InfoSheetsFeature.Type && (version.State == VersionState.Published || version.State == VersionState.Superseded)
            select new { item.Id, item.Culture, item.Slug, version.State, version.PublishedUtc }).ToListAsync(cancellationToken);
        return versions.GroupBy(v => v.Id)
            .Where(sheet => sheet.Count() >= 2 && sheet.Any(v => v.State == VersionState.Published))
            .Select(sheet => (IReadOnlyList<SitemapPage>)
                [new SitemapPage(sheet.First().Culture, InfoSheetsFeature.VersionsUrl(sheet.First().Culture, sheet.First().Slug),
                    sheet.Max(v => v.PublishedUtc))])
            .ToList();
    }
}
