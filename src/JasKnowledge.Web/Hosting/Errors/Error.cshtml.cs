using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Hosting.Errors;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public bool IsNotFound => Code == StatusCodes.Status404NotFound;

    public IActionResult OnGet(int code) => Render(code);
    public IActionResult OnPost(int code) => Render(code);

    private IActionResult Render(int code)
    {
        // Reached directly (not re-executed): nothing failed, so there is no error page to show.
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null && HttpContext.Features.Get<IExceptionHandlerPathFeature>() is null)
            return NotFound();
        Code = code is >= 400 and <= 599 ? code : 500;
        // The exception handler re-executes /error/500 for every exception; a bad request keeps its 400.
        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Error is BadHttpRequestException bad) Code = bad.StatusCode;
        Response.StatusCode = Code;
        return Page();
    }
}
