using System.Net;
using System.Net.Sockets;
using System.Text;
using JasKnowledge.Data;
using JasKnowledge.Data.Alerts;
using JasKnowledge.Tests.Integration.Infrastructure;
using JasKnowledge.Tests.Integration.Nodes;
using Microsoft.EntityFrameworkCore;

namespace JasKnowledge.Tests.Integration.Alerts;

/// <summary>Issue 24 point 3: a sender killed (SIGKILL) in the middle of an SMTP conversation. The
/// mail it was handing over may or may not have arrived, so it is never sent again; every other
/// delivery arrives exactly once, sent by the next node.</summary>
[Collection(PortalProcessCollection.Name)]
public sealed class KilledSenderTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task A_sender_killed_mid_batch_sends_nothing_twice(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"jas-test-data-{Guid.NewGuid():N}");
        using var stalling = new StallingSmtpServer();
        var settings = Settings(kind, database);
        settings["Jas__Alerts__SmtpHost"] = "127.0.0.1";
        settings["Jas__Alerts__SmtpPort"] = stalling.Port.ToString();
        var addresses = Enumerable.Range(1, 3).Select(i => Maildev.NewAddress($"kill{i}")).ToList();
        try
        {
            await using (var first = await StartAsync(settings, dataDirectory))
            {
                await AddSubscribersAndNotificationAsync(database, addresses);
                // The first mail's data has reached the server, which never answers: the node is mid-conversation.
                await stalling.MessageReceived.WaitAsync(TimeSpan.FromMinutes(2));
                await first.KillAsync();
            }
            var next = Settings(kind, database);
            foreach (var (key, value) in Maildev.PortalSettings()) next[key.Replace(":", "__")] = value;
            await using var second = await StartAsync(next, dataDirectory);
            await Maildev.WaitForAsync(addresses[1], 1, TimeSpan.FromMinutes(2));
            await Maildev.WaitForAsync(addresses[2], 1, TimeSpan.FromMinutes(2));
            await Task.Delay(TimeSpan.FromSeconds(3)); // more rounds of the sender: nothing more may come
            Assert.Empty(await Maildev.MailsToAsync(addresses[0]));
            Assert.Single(await Maildev.MailsToAsync(addresses[1]));
            Assert.Single(await Maildev.MailsToAsync(addresses[2]));
            await using var db = Context(kind, database);
            var interrupted = await db.AlertDeliveries.SingleAsync(d => d.Email == addresses[0]);
            Assert.NotNull(interrupted.AbandonedUtc);
            Assert.Null(interrupted.SentUtc);
            Assert.Equal(2, await db.AlertDeliveries.CountAsync(d => addresses.Contains(d.Email) && d.SentUtc != null));
        }
        finally
        {
            if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static Dictionary<string, string> Settings(DatabaseKind kind, TestDatabase database)
    {
        var settings = kind == DatabaseKind.PostgreSql
            ? ServerMode.Settings(database.ConnectionString, ServerMode.NewContainer())
            : new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Testing", ["Jas__Database__Provider"] = "Sqlite",
                ["ConnectionStrings__Jas"] = database.ConnectionString };
        settings["Jas__Alerts__PollInterval"] = "00:00:00.300";
        settings["Jas__Alerts__SmtpSecurity"] = "None";
        return settings;
    }

    private static async Task<PortalProcess> StartAsync(Dictionary<string, string> settings, string dataDirectory)
    {
        var portal = PortalProcess.Launch(settings, dataDirectory);
        try
        {
            await portal.WaitUntilLiveAsync(TimeSpan.FromMinutes(4));
            return portal;
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }
    }

    private static JasDbContext Context(DatabaseKind kind, TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<JasDbContext>();
        if (kind == DatabaseKind.PostgreSql) options.UseNpgsql(database.ConnectionString);
        else options.UseSqlite(database.ConnectionString);
        return new JasDbContext(options.Options);
    }

    /// <summary>Three confirmed subscribers of one sheet, and the outbox row a major publication writes.</summary>
    private static async Task AddSubscribersAndNotificationAsync(TestDatabase database, IReadOnlyList<string> addresses)
    {
        await using var db = Context(database.Kind, database);
        // What the first import published has been handed out first (to nobody), so only this notification counts.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (await db.AlertNotifications.AnyAsync(n => n.FannedOutUtc == null) && DateTime.UtcNow < deadline) await Task.Delay(200);
        var now = DateTime.UtcNow;
        foreach (var (address, i) in addresses.Select((a, i) => (a, i)))
            db.AlertSubscriptions.Add(new AlertSubscription
            {
                Email = address, Topic = "item:informatie/je-mentor", Culture = "nl", CreatedUtc = now.AddSeconds(i), ConfirmedUtc = now,
            });
        await db.SaveChangesAsync();
        db.AlertNotifications.Add(new AlertNotification
        {
            Topic = "item:informatie/je-mentor", Culture = "nl", Title = "Je mentor", ChangeNote = "Belangrijke wijziging",
            Path = "/nl/informatie/je-mentor", CreatedUtc = now,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>An SMTP server that takes a message's data and then never answers: the sender is left
    /// not knowing whether it was delivered.</summary>
    private sealed class StallingSmtpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly TaskCompletionSource _received = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<TcpClient> _clients = [];

        public StallingSmtpServer()
        {
            _listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
        public Task MessageReceived => _received.Task;

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var client = await _listener.AcceptTcpClientAsync();
                    lock (_clients) _clients.Add(client);
                    _ = ConverseAsync(client);
                }
            }
            catch (ObjectDisposedException) { }
            catch (SocketException) { }
        }

        private async Task ConverseAsync(TcpClient client)
        {
            try
            {
                var stream = client.GetStream();
                var reader = new StreamReader(stream, Encoding.ASCII);
                async Task Say(string line) => await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"));
                await Say("220 stalling ESMTP");
                var inData = false;
                while (await reader.ReadLineAsync() is { } line)
                {
                    if (inData)
                    {
                        if (line == ".")
                        {
                            _received.TrySetResult();
                            await Task.Delay(Timeout.Infinite); // never "250 OK"
                        }
                        continue;
                    }
                    var verb = line.Split(' ')[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO": await Say("250-stalling"); await Say("250 8BITMIME"); break;
                        case "DATA": await Say("354 go ahead"); inData = true; break;
                        case "QUIT": await Say("221 bye"); return;
                        default: await Say("250 OK"); break;
                    }
                }
            }
            catch (IOException) { }
            catch (ObjectDisposedException) { }
        }

        public void Dispose()
        {
            _listener.Stop();
            lock (_clients) foreach (var client in _clients) client.Dispose();
        }
    }
}
