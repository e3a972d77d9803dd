using MimeKit;

namespace JasKnowledge.Web.Features.Alerts;

/// <summary>The one check of an address typed into the form: a plain mailbox (no name, no list, no
/// route), with a domain that has a dot, at most 254 characters, compared in lower case.</summary>
public static class AlertAddress
{
    public static string? Normalize(string? input)
    {
        var value = input?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > 254 || value.Any(char.IsWhiteSpace) || value.Contains('<') || value.Contains(','))
            return null;
        if (!MailboxAddress.TryParse(ParserOptions.Default, value, out var mailbox) || mailbox.Address != value
            || !string.IsNullOrEmpty(mailbox.Name))
            return null;
        var at = value.LastIndexOf('@');
        if (at < 1) return null;
        var domain = value[(at + 1)..];
        if (!domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains("..")) return null;
        return value.ToLowerInvariant();
    }
}
