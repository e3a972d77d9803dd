namespace JasKnowledge.Web.Features.SessionPack;

/// <summary>The trainer's session pack: a handbook session with the participants' sheets and videos
/// that belong to it, in the languages of the group, as one streamed ZIP.</summary>
public static class SessionPackFeature
{
    public static string PackUrl(string culture, string sessionSlug) => $"/{culture}/handboek/{sessionSlug}/pakket.zip";

    public static IEndpointRouteBuilder MapSessionPackFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/{culture:culture}/handboek/{slug:slug}/pakket.zip", SessionPackEndpoint.GetAsync).ExcludeFromDescription();
        return endpoints;
    }
}
