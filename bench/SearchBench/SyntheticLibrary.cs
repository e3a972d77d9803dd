using JasKnowledge.Core.Content;
using JasKnowledge.Core.Search;
using JasKnowledge.Data;

namespace SearchBench;

/// <summary>
/// Fills a database with synthetic published documents in several languages. The words come from the
/// shipped content of each language and are drawn with a Zipf-like skew (a few words are common, most
/// are rare), so term frequencies look like real text. The texts are nonsense: only for measuring.
/// </summary>
public sealed class SyntheticLibrary(string contentFolder, int seed)
{
    private static readonly string[] Cultures = ["nl", "nl", "nl", "en", "ar", "ti", "uk", "so", "fa"];
    private static readonly string[] Types = ["handbook-chapter", "info-sheet", "video", "page"];

    public async Task FillAsync(JasDbContext db, int documents, CancellationToken cancellationToken)
    {
        var vocabulary = Cultures.Distinct().ToDictionary(c => c, Vocabulary);
        var random = new Random(seed);
        var now = DateTime.UtcNow;
        for (var start = 0; start < documents; start += 500)
        {
            for (var n = start; n < Math.Min(documents, start + 500); n++)
            {
                var culture = Cultures[random.Next(Cultures.Length)];
                var words = vocabulary[culture];
                var item = new ContentItem
                {
                    Type = Types[random.Next(Types.Length)], Culture = culture,
                    LocalizationSet = $"synthetic/{n}", Slug = $"synthetic-{n}", CreatedUtc = now,
                };
                var title = Sentence(words, random, random.Next(3, 7));
                var body = string.Join("\n\n", Enumerable.Range(0, random.Next(3, 12)).Select(_ => Sentence(words, random, random.Next(40, 90))));
                var version = item.StartDraft(new VersionText(title, body, ChangeNote: "Synthetic."), "bench", now);
                item.Publish(version.Number, now);
                db.ContentItems.Add(item);
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private List<string> Vocabulary(string culture)
    {
        var words = Directory.EnumerateFiles(contentFolder, $"*.{culture}.md", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadAllText(f).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Select(w => w.Trim('.', ',', ':', ';', '(', ')', '"', '*', '#', '-', '!', '?', '።', '،'))
            .Where(w => SearchQuery.Words(w).Count() == 1)
            .GroupBy(w => w.ToLowerInvariant()).OrderByDescending(g => g.Count()).Select(g => g.First())
            .ToList();
        if (words.Count == 0) throw new InvalidOperationException($"No {culture} text under {contentFolder} to draw words from.");
        return words;
    }

    /// <summary>Word i is drawn with a probability that falls with its rank, like in real text.</summary>
    private static string Sentence(List<string> words, Random random, int length) =>
        string.Join(' ', Enumerable.Range(0, length).Select(_ => words[(int)(words.Count * Math.Pow(random.NextDouble(), 3))])) + ".";
}
