namespace JasKnowledge.Web.Features.Errors;

/// <summary>Friendly error pages in the visitor's language: any 4xx/5xx without a body is re-run
/// through /error/{code}; an exception becomes /error/500 and is logged, never shown.</summary>
public static class ErrorsFeature
{
    public static IApplicationBuilder UsePortalErrors(this IApplicationBuilder app)
    {
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }
}
