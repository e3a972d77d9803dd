using JasKnowledge.Core.Modules;
using JasKnowledge.Data;
using JasKnowledge.Data.Alerts;
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
    /// <summary>The form on followable pages (model: <see cref="FollowForm"/>).</summary>

    public static IServiceCollection AddAlertsFeature(this IServiceCollection services)
    {
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section);
        services.AddSingleton<AlertTopics>();
        services.AddSingleton<AlertLinks>();
        services.AddScoped<AlertMail>();
        services.AddScoped<AlertSubscriptions>();
        services.AddPublishingStep<AlertOutboxStep>();
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
        services.AddSingleton<ClientSubscribeLimit>();
        return services;
    }
}
