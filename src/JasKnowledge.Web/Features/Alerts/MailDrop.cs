using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace JasKnowledge.Web.Features.Alerts;

/// <summary>Where mails go: an SMTP server, or (the embedded default) a folder of .eml files.</summary>
public interface IMailDrop
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>SMTP through MailKit, one connection per call: the sender sends in small batches, and a
/// broken connection must not outlive a failure.</summary>
public sealed class SmtpMailDrop(IOptions<AlertOptions> options) : IMailDrop
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient();
        await client.ConnectAsync(
            settings.SmtpHost!, settings.SmtpPort, Enum.Parse<SecureSocketOptions>(settings.SmtpSecurity, true), cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUser))
            await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}

/// <summary>Each mail as an .eml file in a folder, written under a temporary name and then renamed, so
/// a reader never sees half a mail.</summary>
public sealed class FolderMailDrop(string folder) : IMailDrop
{
    public string Folder => folder;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var name = $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}";
        var temporary = Path.Combine(folder, name + ".tmp");
        await using (var file = File.Create(temporary)) await message.WriteToAsync(file, cancellationToken);
        File.Move(temporary, Path.Combine(folder, name + ".eml"));
    }
}
