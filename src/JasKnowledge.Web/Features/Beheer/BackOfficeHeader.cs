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
    private static readonly PathString BackOffice = "/beheer";

    /// <summary>The page is under /beheer, or is the error page shown for a back-office address (a 403 or 404 there).</summary>
    private static bool InBackOffice(HttpContext context) =>
        context.Request.Path.StartsWithSegments(BackOffice)
        || (context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath is { } failed && new PathString(failed).StartsWithSegments(BackOffice));

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerInstance is PageModel page && InBackOffice(context.HttpContext))
            page.ViewData[LayoutData.SignOut] = BeheerFeature.LogoutPath;
        await next();
    }
}
