using JasKnowledge.Core.Telemetry;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace JasKnowledge.Web.Hosting.Telemetry;

/// <summary>Metrics and traces through OpenTelemetry: ASP.NET Core, HttpClient (the blob store's calls),
/// EF Core and Npgsql, and the portal's own meter (<see cref="PortalMetrics"/>). Metrics are scraped by
/// Prometheus at /metrics from the networks <see cref="TelemetrySettings"/> allows; with
/// <c>Jas:Telemetry:OtlpEndpoint</c> set, traces and metrics also go to an OTLP collector. Log lines carry
/// the trace id through the console formatter's scopes (appsettings.json).</summary>
public static class TelemetrySetup
{
    private const string MetricsPath = "/metrics";

    public static IServiceCollection AddPortalTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<TelemetrySettings>();
        // A wrong address is reported by TelemetrySettings at start-up, in one line.
        var otlp = TelemetrySettings.OtlpEndpoint(configuration);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("JasKnowledge"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddMeter(PortalMetrics.MeterName, "Microsoft.EntityFrameworkCore", "Npgsql")
                    .AddPrometheusExporter();
                if (otlp is not null) metrics.AddOtlpExporter(o => o.Endpoint = otlp);
            });
        // Spans only leave the node through OTLP: without a collector they would be made for nothing.
        // The trace id in log lines does not need them (ASP.NET Core starts an activity per request anyway).
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsOperational(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(o => o.Endpoint = otlp));
        }
        return services;
    }

    /// <summary>/metrics for the allowed networks; 404 for everyone else, as if it did not exist.</summary>
    public static WebApplication UsePortalMetricsEndpoint(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<TelemetrySettings>();
        // One address, in its own letters: /METRICS is an unknown page like any other.
        app.MapWhen(context => string.Equals(context.Request.Path.Value, MetricsPath, StringComparison.Ordinal), branch =>
        {
            branch.Use(async (context, next) =>
            {
                if (!settings.MetricsEnabled || !settings.MayReadMetrics(context))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
                if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
                {
                    context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                    context.Response.Headers.Allow = "GET, HEAD";
                    return;
                }
                context.Response.Headers.CacheControl = "no-store";
                await next(context);
            });
            branch.UseOpenTelemetryPrometheusScrapingEndpoint();
        });
        return app;
    }

    private static bool IsOperational(PathString path) => path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/health");
}
