namespace JasKnowledge.Web.Hosting.Errors;

/// <summary>Friendly error pages in the visitor's language: any 4xx/5xx without a body is re-run
/// through /error/{code}; an exception becomes /error/500 and is logged, never shown.</summary>
public static class ErrorsSetup
{
    public static IApplicationBuilder UsePortalErrors(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error/500",
            // A query value that does not fit its parameter is the visitor's mistake, not the server's.
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }
}
