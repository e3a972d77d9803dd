using System.Globalization;

namespace JasKnowledge.Web.Hosting.Security;

/// <summary>
/// Headers every response carries, and /.well-known/security.txt. The Content-Security-Policy allows
/// scripts, styles, fonts, media and images from the portal itself only: no inline script or style, no
/// other origin, no framing, forms posting only back to the portal; windows with a session isolated
/// from cross-origin openers. HSTS outside development, where
/// HTTPS is terminated in front of the nodes.
/// </summary>
public static class SecuritySetup
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; media-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services) =>
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });

    public static IApplicationBuilder UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing")) app.UseHsts();
        // Set when the response starts, so error pages (which clear the response) carry them too.
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
                if (HoldsASession(context)) headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>Where a window holds a signed-in session (the back office, previews, any signed-in
    /// request), a cross-origin opener must not keep a handle on it, so those responses isolate their
    /// window (COOP). The public pages are the same for every visitor and hold nothing to leak; there the
    /// policy's switch of browsing context group cost about 300 ms of main-thread time per page in
    /// Lighthouse's phone profile (measured with bench/lighthouse.sh; see the README).</summary>
    private static bool HoldsASession(HttpContext context) =>
        Features.Beheer.BeheerFeature.IsPrivate(context.Request.Path) || context.User.Identity?.IsAuthenticated == true;

    public static IEndpointRouteBuilder MapSecurityTxt(this IEndpointRouteBuilder endpoints)
    {
        // RFC 9116. Vulnerabilities in Dutch government systems are reported through the NCSC's
        // coordinated vulnerability disclosure, unless the operator configures its own contact.
        endpoints.MapGet("/.well-known/security.txt", (IConfiguration configuration, TimeProvider clock) =>
        {
            var contact = configuration["Jas:Security:Contact"] ?? "https://www.ncsc.nl/contact/kwetsbaarheid-melden";
            var expires = clock.GetUtcNow().UtcDateTime.Date.AddDays(180).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            return Results.Text(
                $"Contact: {contact}\nExpires: {expires}\nPreferred-Languages: nl, en\nPolicy: https://www.ncsc.nl/contact/kwetsbaarheid-melden\n",
                "text/plain; charset=utf-8");
        }).ExcludeFromDescription();
        return endpoints;
    }
}
