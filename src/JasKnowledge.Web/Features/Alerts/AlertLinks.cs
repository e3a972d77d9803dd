using Microsoft.AspNetCore.DataProtection;

namespace JasKnowledge.Web.Features.Alerts;

/// <summary>
/// The links in mails that act without signing in: unsubscribe one subscription, unsubscribe an
/// address from its weekly digest, manage an address. Signed with the portal's data-protection keys
/// (shared by all nodes), so nothing about them is stored and none can be guessed.
/// </summary>
public sealed class AlertLinks(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("JasKnowledge.Alerts.Links.v1");

    public static string SubscribePath(string culture) => $"/{culture}/meldingen";
    public static string ConfirmPath(string culture, string token) => $"/{culture}/meldingen/bevestigen/{token}";
    public string UnsubscribePath(string culture, Guid subscription) => $"/{culture}/meldingen/afmelden/{_protector.Protect("s:" + subscription)}";
    public string UnsubscribeDigestPath(string culture, string email) => $"/{culture}/meldingen/afmelden/{_protector.Protect("w:" + email)}";
    public string ManagePath(string culture, string email) => $"/{culture}/meldingen/beheren/{_protector.Protect("m:" + email)}";

    /// <summary>What an unsubscribe link stands for: one subscription, or every weekly one of an address.</summary>
    public (Guid? Subscription, string? WeeklyOf)? ReadUnsubscribe(string? token) => Read(token) switch
    {
        ['s', ':', .. var id] when Guid.TryParse(id, out var guid) => (guid, null),
        ['w', ':', .. var email] => (null, email),
        _ => null,
    };

    public string? ReadManage(string? token) => Read(token) is ['m', ':', .. var email] ? email : null;

    private string? Read(string? token)
    {
        // A token of only spaces reaches the page as null.
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            return _protector.Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
