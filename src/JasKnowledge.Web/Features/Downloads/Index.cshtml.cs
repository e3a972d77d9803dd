using JasKnowledge.Core.Assets;
using JasKnowledge.Data.Assets;
using JasKnowledge.Theme;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Downloads;

public sealed class DownloadsIndexModel(PublishedAssets assets) : PageModel
{
    public IReadOnlyList<Asset> Files { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Files = (await assets.ListAsync(cancellationToken)).Where(a => a.Latest is not null).ToList();
    }
}
