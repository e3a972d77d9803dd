using JasKnowledge.Theme;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Beheer;

/// <summary>Every back-office page, whichever module owns it (the municipalities' forms too), offers "Uitloggen" in the
/// header: someone at a shared computer in a town hall signs out from the page they are on. Only under /beheer, whose
/// pages are never cached, so no signed-in header reaches a public page.</summary>
internal sealed class BackOfficeHeader : IAsyncPageFilter
{
    private static readonly PathString BackOffice = "/beheer";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerInstance is PageModel page && context.HttpContext.Request.Path.StartsWithSegments(BackOffice))
            page.ViewData[LayoutData.SignOut] = BeheerFeature.LogoutPath;
        await next();
    }
}
