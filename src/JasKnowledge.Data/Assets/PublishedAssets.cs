using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Modules;
using Microsoft.EntityFrameworkCore;

namespace JasKnowledge.Data.Assets;

/// <summary>Reads the downloadable files and their revisions. Every revision is public once imported
/// or uploaded: an edition that was cited somewhere must stay reachable at its own URL.</summary>
public sealed class PublishedAssets(JasDbContext db, IEnumerable<InternalFiles> internalFiles)
{
    private readonly InternalFiles[] _internal = internalFiles.ToArray();

    /// <summary>The file families the public sees listed (downloads, their API, the editions feed, the
    /// sitemap), with their revisions, ordered by slug and culture; internal families are left out.</summary>
    public async Task<IReadOnlyList<Asset>> ListAsync(CancellationToken cancellationToken = default) =>
        (await db.Assets.AsNoTracking().Include(a => a.Revisions)
            .OrderBy(a => a.Slug).ThenBy(a => a.Culture)
            .ToListAsync(cancellationToken))
        .Where(a => !IsInternal(_internal, a.Culture, a.Slug)).ToList();

    /// <summary>The one rule: a family some feature registered as internal (AddInternalFiles).</summary>
    public static bool IsInternal(IEnumerable<InternalFiles> internalFiles, string culture, string slug) =>
        internalFiles.Any(f => f.Slug == slug && string.Equals(f.Culture, culture, StringComparison.OrdinalIgnoreCase));

    public async Task<Asset?> FindAsync(string culture, string slug, CancellationToken cancellationToken = default) =>
        await db.Assets.AsNoTracking().Include(a => a.Revisions)
            .SingleOrDefaultAsync(a => a.Slug == slug && a.Culture == culture, cancellationToken);
}
