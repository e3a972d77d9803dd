using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Hosting.Http;

/// <summary>A page asked with a method it has no handler for (TRACE, PUT, DELETE, a POST to a page
/// without a form…) answers 405 with the methods it does handle in <c>Allow</c>, before anything else
/// (antiforgery included) looks at the request, instead of rendering without its data. Error pages
/// that are re-executed for a failed request answer whatever the method was. A handler the page does not
/// have (<c>?handler=Bestaatniet</c>) is 404: Razor Pages would otherwise render the page with no handler
/// run, an empty page with 200. The methods allowed are those of the handler asked for (none: the unnamed ones).</summary>
public sealed class MethodNotAllowedFilter : IAuthorizationFilter, IOrderedFilter
{
    public int Order => int.MinValue;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (context.ActionDescriptor is not CompiledPageActionDescriptor page
            || http.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || http.Features.Get<IExceptionHandlerPathFeature>() is not null)
            return;
        var handler = context.RouteData.Values["handler"] as string ?? http.Request.Query["handler"].FirstOrDefault();
        if (!string.IsNullOrEmpty(handler) && !page.HandlerMethods.Any(h => string.Equals(h.Name, handler, StringComparison.OrdinalIgnoreCase)))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status404NotFound);
            return;
        }
        // The methods of the handler asked for, or without one those of the unnamed handlers (OnGet, OnPost): a POST
        // without ?handler= to a page whose forms all name theirs (OnPostDraft) would run no handler and render the
        // page without its data.
        var methods = page.HandlerMethods
            .Where(h => string.IsNullOrEmpty(handler) ? string.IsNullOrEmpty(h.Name) : string.Equals(h.Name, handler, StringComparison.OrdinalIgnoreCase))
            .Select(h => h.HttpMethod.ToUpperInvariant()).ToHashSet();
        // A page without such handlers renders for GET; HEAD is answered like GET.
        if (methods.Count == 0) methods.Add(HttpMethods.Get);
        if (methods.Contains(HttpMethods.Get)) methods.Add(HttpMethods.Head);
        if (methods.Contains(http.Request.Method.ToUpperInvariant())) return;
        http.Response.Headers.Allow = string.Join(", ", methods.Order(StringComparer.Ordinal));
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }
}
