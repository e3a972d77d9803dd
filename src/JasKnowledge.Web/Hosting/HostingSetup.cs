using JasKnowledge.Data;
using JasKnowledge.Theme;
using JasKnowledge.Web.Hosting.Http;
using JasKnowledge.Web.Hosting.Authentication;
using JasKnowledge.Web.Hosting.Caching;
using JasKnowledge.Web.Hosting.Commands;
using JasKnowledge.Web.Hosting.Errors;
using JasKnowledge.Web.Hosting.Health;
using JasKnowledge.Web.Hosting.Localization;
using JasKnowledge.Web.Hosting.Logging;
using JasKnowledge.Web.Hosting.Routing;
using JasKnowledge.Web.Hosting.Security;
using JasKnowledge.Web.Hosting.Telemetry;
using Microsoft.AspNetCore.HttpLogging;

namespace JasKnowledge.Web.Hosting;

/// <summary>What every request passes through, whatever feature answers it (the "service defaults"):
/// data, languages, pages, logging, security headers, errors, caching, sign-in, health, telemetry, and the
/// commands that move the site in and out as files. Features are composed apart, in Program.cs.</summary>
public static class HostingSetup
{
    public const int MaxRequestLine = 128 * 1024;
    public const int MaxRequestHeaders = 4 * 128 * 1024;

    public static WebApplicationBuilder AddPortalHosting(this WebApplicationBuilder builder)
    {
        // The theme's CSS comes from a Razor class library: serve it from the build output in every
        // environment (tests run as "Testing"); a published app has its assets in wwwroot and ignores this.
        builder.WebHost.UseStaticWebAssets();
        // A search is a GET: a query of 10 KB must reach the page, which cuts it with a notice (issue 18). Kestrel's 8 KB
        // request line refused it with an empty 414, and in Ethiopic or Arabic script a letter is 6–9 characters once
        // percent-encoded: 10,000 Ethiopic letters are 90 KB. Beyond 128 KB Kestrel still refuses (deploy/nginx.conf alike).
        // The headers as large as deploy/nginx.conf forwards (large_client_header_buffers 4 128k): with Kestrel's 32 KB, a
        // request nginx took was refused behind it with an empty 431 (attack of 6 December 2026, night).
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestLineSize = MaxRequestLine;
            kestrel.Limits.MaxRequestHeadersTotalSize = MaxRequestHeaders;
            // An operator may still set any limit (Kestrel__Limits__KeepAliveTimeout=00:01:00): ASP.NET Core binds the
            // Kestrel section's endpoints, not its limits.
            builder.Configuration.GetSection("Kestrel:Limits").Bind(kestrel.Limits);
            kestrel.RefuseForeignHttpVersions();
        });
        var services = builder.Services;
        services.AddJasData();
        services.AddSingleton(sp => PublicOrigin.From(sp.GetRequiredService<IConfiguration>()));
        services.AddPortalLocalization();
        // Pages live in Features/ (and Hosting/Errors); every @page names its full route.
        services.AddRazorPages(options => options.RootDirectory = "/")
            .AddMvcOptions(options =>
            {
                options.Filters.Add(new MethodNotAllowedFilter());
                options.ModelBinderProviders.Insert(0, new TextWithoutNullCharacters());
                // A list is bound from the query string and the form together; more items than both may hold never reach it
                // (UnreadableRequests), so binding never stops at its own limit with a 500.
                options.MaxModelBindingCollectionSize = UnreadableRequests.MaxQueryValues + Microsoft.AspNetCore.WebUtilities.FormReader.DefaultValueCountLimit;
            });
        builder.Logging.AddBatchedConsole();
        services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode
                | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });
        services.AddRouteConstraints();
        services.AddSingleton<Http.EndpointMethods>();
        services.AddTrustedProxies(builder.Configuration);
        services.AddUnknownHostsRefused();
        services.AddPortalAuthentication(builder.Environment);
        services.AddSecurityHeaders();
        services.AddCaching();
        services.AddPortalHealth(builder.Configuration);
        services.AddPortalTelemetry(builder.Configuration);
        services.AddContentFolderCommands();
        return builder;
    }

    /// <summary>The middleware every request passes, in order, and the host's own endpoints.</summary>
    public static WebApplication UsePortalHosting(this WebApplication app)
    {
        app.UseHttpLogging();
        app.UseFormsWithoutNullCharacters();
        // Before routing, so that a HEAD finds the GET endpoint (explicit routing: after this, not first).
        app.UseHeadAsGet();
        app.UseRouting();
        app.UseSecurityHeaders();
        app.UseUnknownHostsRefused();
        app.UsePortalErrors();
        app.UseUnreadableRequestsRefused();
        // After the headers and the error pages: a refused scrape is the portal's own 404 page, with every header.
        app.UsePortalMetricsEndpoint();
        app.UseCaching();
        app.UseRouteCulture();
        app.MapStaticAssets();
        app.UsePortalAuthentication();
        app.MapRootRedirect();
        app.MapPortalHealth();
        app.MapSecurityTxt();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (PublicAddressWarning(app.Environment, app.Services.GetRequiredService<PublicOrigin>()) is { } warning)
                app.Logger.LogWarning("{Warning}", warning);
        });
        return app;
    }

    /// <summary>Absolute links (the feed, the sitemap, hreflang, the alerts' e-mails) carry Jas:PublicBaseUrl, whose
    /// default is this machine's own address: right for a developer, a dead link for everyone else on a server.</summary>
    public static string? PublicAddressWarning(IHostEnvironment environment, PublicOrigin origin) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing") || !new Uri(origin.Value).IsLoopback ? null
        : $"{PublicOrigin.Setting} is {origin.Value}, an address on this machine: links in the feed, the sitemap, hreflang and "
            + "alert e-mails reach nobody else. Set Jas__PublicBaseUrl to the address visitors use.";
}
