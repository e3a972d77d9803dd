using JasKnowledge.Theme;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Beheer;

/// <summary>Every back-office page, whichever module owns it (the municipalities' forms too, and its 403 and 404 pages), offers "Uitloggen" in the
/// header: someone at a shared computer in a town hall signs out from the page they are on. Only under /beheer, whose
/// pages are never cached, so no signed-in header reaches a public page.</summary>
internal sealed class BackOfficeHeader : IAsyncPageFilter
{
    /// <summary>The page is under /beheer, or is the error page shown for a back-office address (a 403 or 404 there).</summary>
    private static bool InBackOffice(HttpContext context) =>
        BeheerFeature.IsBackOffice(context.Request.Path)
        || (context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath is { } failed && BeheerFeature.IsBackOffice(new PathString(failed)));

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerInstance is PageModel page && InBackOffice(context.HttpContext))
            page.ViewData[LayoutData.SignOut] = BeheerFeature.LogoutPath;
        await next();
    }
}
