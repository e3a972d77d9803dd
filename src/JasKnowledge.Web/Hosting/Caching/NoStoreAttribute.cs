using Microsoft.AspNetCore.Mvc.Filters;

namespace JasKnowledge.Web.Hosting.Caching;

/// <summary>A page opened through a secret link (an alert's confirm, manage and unsubscribe links): no cache keeps it,
/// neither a shared proxy nor the browser's disk, so whoever uses a library computer next cannot open one person's
/// subscriptions from its history. The back office and previews get the same from <c>UsePortalAuthentication</c>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NoStoreAttribute : ResultFilterAttribute
{
    public override void OnResultExecuting(ResultExecutingContext context) =>
        context.HttpContext.Response.Headers.CacheControl = "no-store";
}
