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
        var at = value.LastIndexOf('@');
        if (at < 1 || !System.Text.Ascii.IsValid(value.AsSpan(0, at)) || InUnicode(value[(at + 1)..]) is not { } domain) return null;
        value = value[..at] + "@" + domain;
        if (!MailboxAddress.TryParse(ParserOptions.Default, value, out var mailbox) || mailbox.Address != value
            || !string.IsNullOrEmpty(mailbox.Name))
            return null;
        return IsHostName(domain) ? value.ToLowerInvariant() : null;
    }

    /// <summary>A domain in one form whether typed in its letters or as the DNS spells it (bücher.de, xn--bcher-kva.de),
    /// so that one mailbox is one subscriber and its limits count once; null if it is no domain name at all.</summary>
    private static string? InUnicode(string domain)
    {
        var idn = new System.Globalization.IdnMapping();
        try
        {
            return idn.GetUnicode(idn.GetAscii(domain));
        }
        catch (ArgumentException)
        {
            return null;
        }
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
