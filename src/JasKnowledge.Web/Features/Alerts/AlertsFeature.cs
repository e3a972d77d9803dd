using System.Threading.RateLimiting;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data;
using JasKnowledge.Data.Alerts;
using JasKnowledge.Theme;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace JasKnowledge.Web.Features.Alerts;

/// <summary>
/// "Houd mij op de hoogte": e-mail alerts without an account. Pages under /{culture}/meldingen
/// (subscribe, confirm, unsubscribe, manage); the outbox row written by publishing
/// (<see cref="AlertOutboxStep"/>); the background sender. What can be followed, each feature says
/// through the module contract (AddFollowable, AddFollowableFiles).
/// </summary>
public static class AlertsFeature
{
    public const string RateLimit = "alerts";
    /// <summary>The form on followable pages (model: <see cref="FollowForm"/>).</summary>
    public const string FormPartial = FollowForm.Partial;

    public static IServiceCollection AddAlertsFeature(this IServiceCollection services)
    {
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section);
        services.AddSingleton<AlertTopics>();
        services.AddSingleton<AlertLinks>();
        services.AddScoped<AlertMail>();
        services.AddScoped<AlertSubscriptions>();
        services.AddScoped<IPublishingStep, AlertOutboxStep>();
        services.AddSingleton<IMailDrop>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AlertOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(options.SmtpHost)) return new SmtpMailDrop(sp.GetRequiredService<IOptions<AlertOptions>>());
            // The embedded default: a folder next to the database, so a first start needs no mail server.
            var dataDirectory = Path.GetDirectoryName(sp.GetRequiredService<Storage>().SearchIndexFolder)!;
            return new FolderMailDrop(Path.GetFullPath(Path.Combine(dataDirectory, options.PickupFolder)));
        });
        services.AddSingleton<AlertSender>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertSender>());
        services.Configure<RateLimiterOptions>(o => o.AddPolicy<string, ClientRateLimit>(RateLimit));
        return services;
    }

    /// <summary>Subscription requests per client address, on each node; a refusal says so in the visitor's language.</summary>
    private sealed class ClientRateLimit(IOptions<AlertOptions> options, IStringLocalizer<Ui> text) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, cancellationToken) =>
        {
            context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.HttpContext.Response.Headers.RetryAfter = "600";
            context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
            await context.HttpContext.Response.WriteAsync(text["AlertsTooMany"], cancellationToken);
        };

        public RateLimitPartition<string> GetPartition(HttpContext context) => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.Value.RequestsPerClientPer10Minutes, Window = TimeSpan.FromMinutes(10), QueueLimit = 0,
                })
            : RateLimitPartition.GetNoLimiter("read");
    }
}
