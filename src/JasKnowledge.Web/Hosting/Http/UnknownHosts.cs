using System.Net;
using JasKnowledge.Theme;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Primitives;

namespace JasKnowledge.Web.Hosting.Http;

/// <summary>
/// A request for a host name this portal does not serve (AllowedHosts) is refused with a short page in Dutch and English
/// that names the portal's public address. ASP.NET Core's own host filter answered it with an English "Bad Request -
/// Invalid Hostname" page and nothing else, and behind nginx that was all a visitor who typed the server's bare address
/// or an alias not yet configured ever saw (attack of 6 December 2026, night). The rule is the same as that filter's:
/// the host part is matched against the patterns (`*`, `*.example.nl`, exact names), the port ignored, and a request
/// without a Host (HTTP/1.0) passes. The filter itself is switched off, so that there is one rule and one answer.
/// </summary>
public static class UnknownHosts
{
    public const string Setting = "AllowedHosts";

    public static IServiceCollection AddUnknownHostsRefused(this IServiceCollection services) =>
        // Read after the host's own PostConfigure only when the list is empty: "*" here leaves it switched off.
        services.Configure<HostFilteringOptions>(options => options.AllowedHosts = ["*"]);

    public static IApplicationBuilder UseUnknownHostsRefused(this IApplicationBuilder app)
    {
        var configuration = app.ApplicationServices.GetRequiredService<IConfiguration>();
        var origin = app.ApplicationServices.GetRequiredService<PublicOrigin>().Value;
        var patterns = Patterns(configuration[Setting]);
        if (patterns is null) return app;
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UnknownHosts));
        var page = Page(origin);
        return app.Use(async (context, next) =>
        {
            var host = context.Request.Host;
            if (!host.HasValue || HostString.MatchesAny(new StringSegment(host.Value), patterns))
            {
                await next();
                return;
            }
            // Cut: it is the client's text.
            logger.LogInformation("Refused a request for host {Host}, which is not in {Setting}", Cut(host.Value), Setting);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.WriteAsync(page, context.RequestAborted);
        });
    }

    /// <summary>The configured patterns, or null when every host is allowed (no setting, or `*` among them).</summary>
    public static StringSegment[]? Patterns(string? setting)
    {
        var patterns = (setting ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (patterns.Length == 0 || patterns.Contains("*")) return null;
        // As the filter did: a name written in Unicode matches the punycode a client sends.
        return patterns.Select(pattern => new StringSegment(new HostString(pattern).ToUriComponent())).ToArray();
    }

    private static string Cut(string host) => host.Length <= 100 ? host : host[..100] + "…";

    private static string Page(string origin)
    {
        var address = WebUtility.HtmlEncode(origin);
        return "<!DOCTYPE html><html lang=\"nl\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
            + "<title>Onbekend adres</title><h1>Dit adres hoort niet bij dit portaal</h1>"
            + $"<p>De server kent de naam in dit adres niet. JasKnowledge staat op <a href=\"{address}/\">{address}</a>.</p>"
            + $"<p lang=\"en\">This server does not serve the host name in this address. JasKnowledge is at <a href=\"{address}/\">{address}</a>.</p>"
            + "</html>\n";
    }
}
