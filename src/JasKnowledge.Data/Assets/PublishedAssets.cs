using JasKnowledge.Core.Assets;
using Microsoft.EntityFrameworkCore;

namespace JasKnowledge.Data.Assets;

/// <summary>Reads the downloadable files and their revisions. Every revision is public once imported
/// or uploaded: an edition that was cited somewhere must stay reachable at its own URL.</summary>
public sealed class PublishedAssets(JasDbContext db)
{
    /// <summary>All file families with their revisions, ordered by slug and culture.</summary>
    public async Task<IReadOnlyList<Asset>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Assets.AsNoTracking().Include(a => a.Revisions)
            .OrderBy(a => a.Slug).ThenBy(a => a.Culture)
            .ToListAsync(cancellationToken);

    public async Task<Asset?> FindAsync(string culture, string slug, CancellationToken cancellationToken = default) =>
        await db.Assets.AsNoTracking().Include(a => a.Revisions)
            .SingleOrDefaultAsync(a => a.Slug == slug && a.Culture == culture, cancellationToken);
}
