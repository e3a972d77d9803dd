using JasKnowledge.Tests.Integration.Infrastructure;

namespace JasKnowledge.Tests.Integration.Search;

/// <summary>
/// A portal with a small, known set of documents (and nothing else), so every query has an exact
/// expected answer. The same documents and queries run on SQLite and on PostgreSQL.
/// </summary>
public abstract class SearchPortal(DatabaseKind kind) : IAsyncLifetime
{
    private TestDatabase? _database;
    public PortalFactory Factory { get; private set; } = null!;
    public DatabaseKind Kind => kind;

    /// <summary>slug → (folder, culture, type, title, body).</summary>
    public static readonly (string Folder, string Slug, string Culture, string Type, string Title, string Body)[] Documents =
    [
        ("pages", "gesprek", "nl", "page", "Het Gesprek", "In de gesprekken oefenen deelnemers met vragen over werk en school."),
        ("pages", "ondertekening", "nl", "page", "Ondertekening", "Deelnemers tekenen de Participatieverklaring in het stadhuis."),
        ("pages", "koffie", "nl", "page", "Koffie", "We drinken koffie in het café op de hoek."),
        ("pages", "pauze", "nl", "page", "Pauze", "In de pauze is er koffie en thee voor alle deelnemers."),
        ("pages", "opmaak", "nl", "page", "Opmaak", "Tekst met <b>vette</b> letters & een [link](javascript:alert(1)) naar niets."),
        ("informatie", "zorg", "nl", "info-sheet", "Zorgverzekering", "Iedereen moet een zorgverzekering hebben, ook deelnemers."),
        ("pages", "sessions", "en", "page", "Sessions", "The sessions take place on Tuesday in the town hall."),
        ("pages", "interview", "ar", "page", "المقابلة", "نتحدث في المقابلات عن العمل والمدرسة."),
        ("pages", "work", "ti", "page", "ስራሕ", "ስራሕ ምድላይ ቀሊል ኣይኮነን።"),
        ("pages", "goftogu", "fa", "page", "گفت‌وگو", "در جلسه‌ها با هم گفت‌وگو می‌کنیم."),
    ];

    public async Task InitializeAsync()
    {
        var folder = ContentFolders.NewEmpty();
        foreach (var document in Documents)
        {
            Directory.CreateDirectory(Path.Combine(folder, document.Folder));
            await File.WriteAllTextAsync(Path.Combine(folder, document.Folder, $"{document.Slug}.{document.Culture}.md"),
                $"---\ntype: {document.Type}\ntitle: \"{document.Title}\"\nchangeNote: Testtekst.\n---\n\n{document.Body}\n");
        }
        _database = await TestDatabase.CreateAsync(kind);
        // The search tests read how long the index took (off by default: SearchApiOptions).
        Factory = new PortalFactory(_database, folder, settings: new Dictionary<string, string> { ["Jas:Search:ServerTiming"] = "true" });
        // Ready means the index has caught up with the outbox: the first queries of a class ran before
        // that on a loaded machine and found nothing.
        using var client = Factory.CreateClient();
        var started = System.Diagnostics.Stopwatch.StartNew();
        while ((await client.GetAsync("/health/ready")).StatusCode != System.Net.HttpStatusCode.OK)
        {
            if (started.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException("The search portal was not ready within 2 minutes.");
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}

public sealed class SqliteSearchPortal() : SearchPortal(DatabaseKind.Sqlite);
public sealed class PostgresSearchPortal() : SearchPortal(DatabaseKind.PostgreSql);
