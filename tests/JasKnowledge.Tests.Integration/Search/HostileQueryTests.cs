using System.Net;
using System.Text;

namespace JasKnowledge.Tests.Integration.Search;

/// <summary>Any string a visitor can type, or a script can send, gives a 200 with results or none:
/// 10,000 random and hostile queries per database, on the API and (a share of them) on the page.</summary>
public abstract class HostileQueryTests<TPortal>(TPortal portal) : IClassFixture<TPortal> where TPortal : SearchPortal
{
    private static readonly string[] Cultures = ["nl", "ar", "ti", "fa"];

    private static readonly string[] Fragments =
    [
        "\"", "\"\"", "'", "*", "-", "--", "(", ")", "{", "}", "[", "]", ":", "^", "+", "~", "|", "&", "!", "\\", "/", "%", "_", ";",
        "AND", "OR", "NOT", "NEAR", "NEAR(", "<->", "<1>", ":*", ":A", "title:", "{title body}:", "rowid", "MATCH", "' OR 1=1 --",
        "'); DROP TABLE SearchDocuments; --", "<script>alert(1)</script>", "javascript:", "\0", "\u0001", "\u001f", "\u007f", "\t", "\n",
        "\u200b", "\u200c", "\u200d", "\u00ad", "\ufeff", "\u202e", "😀", "👩‍👩‍👧", "🏳️‍🌈", "\ud800", "\udfff", "𝔊", "é",
        "é", "ß", "İ",
        "gesprek", "gesprekken", "koffie", "café", "مقابلة", "ስራሕ", "گفت‌وگو", "верифікація", "ㄱ", "中文",
        "*gesprek", "gespr*", "\"het", "-\"",
    ];

    [Fact]
    public async Task Ten_thousand_hostile_queries_never_give_a_server_error()
    {
        var random = new Random(20261122);
        var client = portal.Factory.CreateClient();
        var failures = new List<string>();
        for (var i = 0; i < 10_000 && failures.Count < 5; i++)
        {
            var query = Hostile(random, i);
            var encoded = Encode(query, random);
            // Every tenth goes to the search page, in turn in a left-to-right and right-to-left language.
            var culture = Cultures[i / 10 % Cultures.Length];
            var url = i % 10 == 0
                ? $"/{culture}/zoeken?q={encoded}&page={Encode(Hostile(random, 1), random)}&lang={Encode(Hostile(random, 1), random)}"
                : $"/api/v1/search?q={encoded}";
            using var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK) failures.Add($"{(int)response.StatusCode} for {url[..Math.Min(url.Length, 200)]}");
        }
        Assert.Empty(failures);
    }

    private static string Hostile(Random random, int i)
    {
        // Every 500th query is 10 KB of text; the others mix 1–12 fragments and random characters.
        if (i % 500 == 499) return string.Concat(Enumerable.Range(0, 1000).Select(_ => Fragments[random.Next(Fragments.Length)]))
            .PadRight(10_240, 'x')[..10_240];
        var builder = new StringBuilder();
        for (var part = random.Next(1, 13); part > 0; part--)
        {
            builder.Append(random.Next(3) switch
            {
                0 => Fragments[random.Next(Fragments.Length)],
                1 => (char)random.Next(0, 0x3000),
                _ => " ",
            });
        }
        return builder.ToString();
    }

    /// <summary>Percent-encodes UTF-8, and sometimes sends raw invalid UTF-8 bytes as well.</summary>
    private static string Encode(string text, Random random)
    {
        var bytes = new UTF8Encoding(false, false).GetBytes(text).ToList();
        if (random.Next(20) == 0) bytes.Insert(random.Next(bytes.Count + 1), (byte)random.Next(0x80, 0x100));
        return string.Concat(bytes.Select(b => $"%{b:X2}"));
    }
}

public sealed class SqliteHostileQueryTests(SqliteSearchPortal portal) : HostileQueryTests<SqliteSearchPortal>(portal);
public sealed class PostgresHostileQueryTests(PostgresSearchPortal portal) : HostileQueryTests<PostgresSearchPortal>(portal);
