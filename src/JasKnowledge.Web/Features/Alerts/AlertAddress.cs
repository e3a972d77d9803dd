using MimeKit;

namespace JasKnowledge.Web.Features.Alerts;

/// <summary>The one check of an address typed into the form: a plain mailbox (no name, no list, no
/// route, no quoted local part, a local part in ASCII: one in other letters needs SMTPUTF8 of every relay on the way,
/// and the confirmation could then fail after the form said it was sent), at a host name with a dot (never an IP address: the mail goes to a domain, not to a machine
/// chosen by whoever fills in the form), at most 254 characters, compared in lower case.</summary>
public static class AlertAddress
{
    public static string? Normalize(string? input)
    {
        var value = input?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > 254 || value.Any(char.IsWhiteSpace) || value.Contains('<') || value.Contains(',')
            || value.Contains('"'))
            return null;
        if (!MailboxAddress.TryParse(ParserOptions.Default, value, out var mailbox) || mailbox.Address != value
            || !string.IsNullOrEmpty(mailbox.Name))
            return null;
        var at = value.LastIndexOf('@');
        if (at < 1 || !System.Text.Ascii.IsValid(value.AsSpan(0, at))) return null;
        return IsHostName(value[(at + 1)..]) ? value.ToLowerInvariant() : null;
    }

    /// <summary>Two or more labels of letters, digits and inner hyphens, the last not all digits: so neither
    /// [10.0.0.1] nor 10.0.0.1.</summary>
    private static bool IsHostName(string domain)
    {
        var labels = domain.Split('.');
        return labels.Length >= 2 && !labels[^1].All(char.IsAsciiDigit)
            && labels.All(l => l.Length is >= 1 and <= 63 && l[0] != '-' && l[^1] != '-' && l.All(c => char.IsLetterOrDigit(c) || c == '-'));
    }
}
