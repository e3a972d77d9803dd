using System.Net.Http.Json;
using System.Text.Json;

namespace JasKnowledge.Tests.Integration.Infrastructure;

/// <summary>The mails that arrived at the test script's maildev, read through its REST API. Tests
/// use a fresh address each, so they never see each other's mail.</summary>
public static class Maildev
{
    private static readonly HttpClient Http = new() { BaseAddress = new Uri(TestServers.MaildevWeb), Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Settings that make a portal send through maildev, and look for work often.</summary>
    public static Dictionary<string, string> PortalSettings()
    {
        var (host, port) = (TestServers.MaildevSmtp.Split(':')[0], TestServers.MaildevSmtp.Split(':')[1]);
        return new Dictionary<string, string>
        {
            ["Jas:Alerts:SmtpHost"] = host,
            ["Jas:Alerts:SmtpPort"] = port,
            ["Jas:Alerts:SmtpSecurity"] = "None",
            ["Jas:Alerts:PollInterval"] = "00:00:00.300",
            ["Jas:Alerts:DigestInterval"] = DigestInterval.ToString(),
            ["Jas:Alerts:RetryAfter"] = "00:00:01",
        };
    }

    /// <summary>The tests' "week": digests go out at the end of each such period.</summary>
    public static readonly TimeSpan DigestInterval = TimeSpan.FromSeconds(15);

    /// <summary>Waits, when needed, until a digest period has at least <paramref name="left"/> to run, so
    /// that changes made now go into one digest (periods are counted from the sender's Monday-morning
    /// anchor, as in production).</summary>
    public static async Task AtLeastLeftInDigestPeriodAsync(TimeSpan left)
    {
        var anchor = new DateTime(2024, 1, 1, 7, 0, 0, DateTimeKind.Utc);
        var intoPeriod = TimeSpan.FromTicks((DateTime.UtcNow - anchor).Ticks % DigestInterval.Ticks);
        if (DigestInterval - intoPeriod < left) await Task.Delay(DigestInterval - intoPeriod + TimeSpan.FromMilliseconds(200));
    }

    public static string NewAddress(string who) => $"{who}-{Guid.NewGuid():N}@example.org".ToLowerInvariant();

    public static async Task<IReadOnlyList<JsonElement>> MailsToAsync(string address)
    {
        var all = await Http.GetFromJsonAsync<JsonElement[]>("/api/email") ?? [];
        return all.Where(m => m.GetProperty("to").EnumerateArray()
            .Any(t => string.Equals(t.GetProperty("address").GetString(), address, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    /// <summary>Waits until at least <paramref name="count"/> mails reached the address.</summary>
    public static async Task<IReadOnlyList<JsonElement>> WaitForAsync(string address, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var mails = await MailsToAsync(address);
            if (mails.Count >= count) return mails;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{mails.Count} of {count} mails reached {address}: "
                    + $"{string.Join(", ", mails.Select(m => m.GetProperty("subject").GetString()))}");
            await Task.Delay(250);
        }
    }

    /// <summary>The raw HTML part as sent (maildev's html field is sanitized).</summary>
    public static async Task<string> HtmlAsync(JsonElement mail) =>
        await Http.GetStringAsync($"/api/email/{mail.GetProperty("id").GetString()}/html");

    public static string Text(JsonElement mail) => mail.GetProperty("text").GetString() ?? "";

    /// <summary>A header as sent, read from the raw message (maildev's parsed headers leave out the List-* ones).</summary>
    public static async Task<string> HeaderAsync(JsonElement mail, string name)
    {
        var source = await Http.GetStringAsync($"/api/email/{mail.GetProperty("id").GetString()}/source");
        var head = System.Text.RegularExpressions.Regex.Split(source, @"\r?\n\r?\n")[0];
        var unfolded = System.Text.RegularExpressions.Regex.Replace(head, @"\r?\n[ \t]+", " ");
        return unfolded.Split('\n').Select(l => l.TrimEnd('\r'))
            .Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(l => l[(name.Length + 1)..].Trim()).FirstOrDefault() ?? "";
    }

    /// <summary>The first link in the plain text that contains <paramref name="part"/>.</summary>
    public static string Link(JsonElement mail, string part) =>
        System.Text.RegularExpressions.Regex.Matches(Text(mail), @"https?://\S+").Select(m => m.Value)
            .First(u => u.Contains(part, StringComparison.Ordinal));
}
