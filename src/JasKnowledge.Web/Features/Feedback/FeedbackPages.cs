using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace JasKnowledge.Web.Features.Feedback;

/// <summary>
/// A page's form carries its path and a seal on it (ASP.NET Core data protection, whose keys every node shares): only a page
/// the portal rendered can be answered. The path's shape alone let a script count made-up pages, 60 every 10 minutes, until
/// they filled the report and hid the real ones (attack of 7 December). The seal differs per rendering; any of them holds.
/// </summary>
public sealed class FeedbackPages(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("JasKnowledge.Feedback.Page");

    public string Seal(string path) => _protector.Protect(path);

    /// <summary>Whether <paramref name="seal"/> was made by this portal for <paramref name="path"/>, a page in <paramref name="culture"/>.</summary>
    public bool Rendered(string? path, string? seal, string culture)
    {
        if (!FeedbackFeature.IsPortalPage(path, culture) || string.IsNullOrEmpty(seal) || seal.Length > 1000) return false;
        try
        {
            return _protector.Unprotect(seal) == path;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
