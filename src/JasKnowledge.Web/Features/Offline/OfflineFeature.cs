namespace JasKnowledge.Web.Features.Offline;

/// <summary>
/// The portal kept for use without internet, for participants on prepaid data: a service worker that
/// keeps the pages a visitor opened and, when asked ("Bewaar voor offline" on a sheet, a film and the
/// participants' index), the material with its files; and an offline page per language listing what is
/// kept. Everything is an enhancement: without JavaScript or service workers the portal works as before.
/// The scripts are the theme's (js/service-worker.js, js/offline.js); the worker is served from the
/// root so that its scope is the whole portal.
/// </summary>
public static class OfflineFeature
{
    public const string WorkerUrl = "/sw.js";
    public static string OfflinePageUrl(string culture) => $"/{culture}/offline";

    public static IEndpointRouteBuilder MapOfflineFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(WorkerUrl, (HttpContext http, IWebHostEnvironment environment) =>
        {
            var file = environment.WebRootFileProvider.GetFileInfo("_content/JasKnowledge.Theme/js/service-worker.js");
            if (!file.Exists) return Results.NotFound();
            // Browsers check for a new worker on every navigation when it may not be cached; a new
            // release then reaches phones on their next visit.
            http.Response.Headers.CacheControl = "no-cache";
            return Results.Stream(
                file.CreateReadStream(), "text/javascript; charset=utf-8", lastModified: file.LastModified, enableRangeProcessing: false);
        }).ExcludeFromDescription();
        return endpoints;
    }
}
