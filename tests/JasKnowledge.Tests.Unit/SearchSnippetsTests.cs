using JasKnowledge.Core.Search;
using JasKnowledge.Data.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace JasKnowledge.Tests.Unit;

/// <summary>The highlighter's query with its prefixes and compound endings expanded once per search
/// marks exactly what the highlighter marked when it expanded them per hit.</summary>
public sealed class HighlightQueryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"jas-highlight-{Guid.NewGuid():N}");

    private static readonly string[] Texts =
    [
        "Aan het eind teken je de Participatieverklaring. Een verklaring is een belofte die je samen uitspreekt.",
        "Gesprekken met de klantmanager gaan over werk, vrijwilligerswerk en het netwerk dat je opbouwt. Het gesprek duurt een uur.",
        "Een tekst zonder de woorden waar deze test naar zoekt, lang genoeg om in stukken te knippen. " +
            string.Join(' ', Enumerable.Repeat("Nog een zin over iets anders.", 20)) + " Dan toch: het werkplan.",
    ];

    private async Task<DirectoryReader> IndexAsync(IEnumerable<string> texts)
    {
        using (var index = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance))
        {
            var sequence = 0;
            await index.ApplyAsync(texts.Select(text =>
            {
                var source = Guid.NewGuid();
                sequence++;
                return new SearchChange(sequence, source,
                    new SearchDocument(source, "page", "nl", $"pages/{sequence}", $"p{sequence}", $"Pagina {sequence}", "", text));
            }).ToList());
        }
        return DirectoryReader.Open(Lucene.Net.Store.FSDirectory.Open(_folder));
    }

    public static TheoryData<string> Queries => new() { "*verklar", "gesprek*", "werk|*werk", "title:gespr*", "werk|gesprek*|title:*plan" };

    /// <summary>"a|b": any of the parts; "*x": ends with x; "x*": starts with x; "field:…" another field.</summary>
    private static Query Parse(string text)
    {
        var any = new BooleanQuery();
        foreach (var part in text.Split('|'))
        {
            var field = part.StartsWith("title:", StringComparison.Ordinal) ? SearchFields.Title : SearchFields.Body;
            var word = part[(part.IndexOf(':') + 1)..];
            Query query = word.StartsWith('*') ? new WildcardQuery(new Term(field, word))
                : word.EndsWith('*') ? new PrefixQuery(new Term(field, word.TrimEnd('*')))
                : new TermQuery(new Term(field, word));
            any.Add(query, Occur.SHOULD);
        }
        return any;
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task The_expanded_query_marks_the_same_words_and_needs_no_expansion_per_hit(string text)
    {
        using var reader = await IndexAsync(Texts);
        var query = Parse(text);
        var expanded = HighlightQuery.Expand(query, reader);

        Assert.Empty(MultiTermQueries(expanded));
        foreach (var document in Texts)
            Assert.Equal(SearchSnippets.Build(document, "nl", query), SearchSnippets.Build(document, "nl", expanded));
    }

    [Fact]
    public async Task Compound_endings_and_prefixes_are_marked()
    {
        using var reader = await IndexAsync(Texts);
        var compound = SearchSnippets.Build(Texts[0], "nl", HighlightQuery.Expand(Parse("*verklar"), reader));
        Assert.Contains("<mark>Participatieverklaring</mark>", compound, StringComparison.Ordinal);
        Assert.Contains("<mark>verklaring</mark>", compound, StringComparison.Ordinal);
        var prefix = SearchSnippets.Build(Texts[1], "nl", HighlightQuery.Expand(Parse("gesprek*"), reader));
        Assert.Contains("<mark>Gesprekken</mark>", prefix, StringComparison.Ordinal);
        Assert.Contains("<mark>gesprek</mark>", prefix, StringComparison.Ordinal);
        // Another field than the text marks nothing, expanded or not.
        Assert.DoesNotContain("<mark>", SearchSnippets.Build(Texts[1], "nl", HighlightQuery.Expand(Parse("title:gespr*"), reader)));
    }

    [Fact]
    public async Task A_prefix_of_very_many_words_is_left_to_the_highlighter()
    {
        var words = string.Join(' ', Enumerable.Range(0, 600).Select(i => $"woord{i:D4}x"));
        using var reader = await IndexAsync([words, "Een woord0001x en nog een"]);
        var prefix = new PrefixQuery(new Term(SearchFields.Body, "woord"));
        Assert.Same(prefix, HighlightQuery.Expand(prefix, reader));
        Assert.Contains("<mark>woord0001x</mark>", SearchSnippets.Build("Een woord0001x en nog een", "nl", prefix), StringComparison.Ordinal);
    }

    private static IEnumerable<MultiTermQuery> MultiTermQueries(Query query) => query switch
    {
        MultiTermQuery multi => [multi],
        BooleanQuery boolean => boolean.Clauses.SelectMany(c => MultiTermQueries(c.Query)),
        DisjunctionMaxQuery best => best.Disjuncts.SelectMany(MultiTermQueries),
        _ => [],
    };

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
