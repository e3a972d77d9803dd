using JasKnowledge.Core.Search;
using JasKnowledge.Data.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace JasKnowledge.Tests.Unit;

/// <summary>Snippets are marked from the passage field's offsets: the words a search marks (its
/// prefixes and compound endings replaced by the index's words, once per search), the window with
/// the most different marked words, escaped, cut on whole words.</summary>
public sealed class SearchSnippetsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"jas-snippets-{Guid.NewGuid():N}");

    private static readonly string[] Texts =
    [
        "Aan het eind teken je de Participatieverklaring. Een verklaring is een belofte die je samen uitspreekt.",
        "Gesprekken met de klantmanager gaan over werk, vrijwilligerswerk en het netwerk dat je opbouwt. Het gesprek duurt een uur.",
        "Een tekst zonder de woorden waar deze test naar zoekt, lang genoeg om in stukken te knippen. " +
            string.Join(' ', Enumerable.Repeat("Nog een zin over iets anders.", 20)) + " Dan toch: het werkplan en de klantmanager.",
        "Over <b>vette</b> tekst & \"aanhalingstekens\": geen opmaak in een fragment.",
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
        return DirectoryReader.Open(LuceneSearchIndex.Directory(_folder));
    }

    /// <summary>"a|b": any of the parts; "*x": ends with x; "x*": starts with x; "exact:…" the exact field.</summary>
    private static Query Parse(string text)
    {
        var any = new BooleanQuery();
        foreach (var part in text.Split('|'))
        {
            var field = part.StartsWith("exact:", StringComparison.Ordinal) ? SearchFields.Exact : SearchFields.Body;
            var word = part[(part.IndexOf(':') + 1)..];
            // A compound ending is asked as the search asks it.
            Query query = word.StartsWith('*') ? new CompoundEndingQuery(word[1..])
                : word.EndsWith('*') ? new PrefixQuery(new Term(field, word.TrimEnd('*')))
                : new TermQuery(new Term(field, word));
            any.Add(query, Occur.SHOULD);
        }
        return any;
    }

    /// <summary>The snippet of each text (document i is text i) for a query on the text field.</summary>
    private static string[] Snippets(DirectoryReader reader, Query query) =>
        SearchSnippets.Build(new IndexSearcher(reader), HighlightQuery.Marks(query, new IndexWords(reader)),
            Enumerable.Range(0, reader.MaxDoc).Select(doc => (doc, Passage(reader, doc))).ToList(),
            SearchAnalyzers.For("nl")).Select(s => s.Html).ToArray();

    [Fact]
    public async Task Compound_endings_and_prefixes_are_marked_as_the_index_words_they_stand_for()
    {
        using var reader = await IndexAsync(Texts);
        var compound = Snippets(reader, Parse("*verklar"))[0];
        Assert.Contains("<mark>Participatieverklaring</mark>", compound, StringComparison.Ordinal);
        Assert.Contains("<mark>verklaring</mark>", compound, StringComparison.Ordinal);
        var prefix = Snippets(reader, Parse("gesprek*"))[1];
        Assert.Contains("<mark>Gesprekken</mark>", prefix, StringComparison.Ordinal);
        Assert.Contains("<mark>gesprek</mark>", prefix, StringComparison.Ordinal);
        Assert.DoesNotContain(MultiTermQueries(HighlightQuery.Marks(Parse("gesprek*|*verklar"), new IndexWords(reader))!), _ => true);
    }

    [Fact]
    public async Task A_compound_ending_finds_the_longer_words_only_and_marks_the_word_too()
    {
        using var reader = await IndexAsync(
            ["Teken de Participatieverklaring.", "Een verklaring afleggen.", "Werk en vrijwilligerswerk.", "Alleen werk."]);
        var searcher = new IndexSearcher(reader);
        // The documents holding only the word itself are the text fields' to find.
        Assert.Equal([0], searcher.Search(new CompoundEndingQuery("verklar"), 10).ScoreDocs.Select(hit => hit.Doc));
        Assert.Equal([2], searcher.Search(new CompoundEndingQuery("werk"), 10).ScoreDocs.Select(hit => hit.Doc));
        var alone = LuceneQuery.Terms(SearchAnalyzers.For("nl"), SearchFields.Body, "afleggen").Single();
        Assert.Empty(searcher.Search(new CompoundEndingQuery(alone), 10).ScoreDocs);
        var words = new IndexWords(reader);
        Assert.True(words.HasLonger(SearchFields.Tail, SearchAnalyzers.Reversed("werk")));
        Assert.False(words.HasLonger(SearchFields.Tail, SearchAnalyzers.Reversed(alone)));
        Assert.True(words.HasPrefix(SearchFields.Tail, SearchAnalyzers.Reversed(alone)));
        var marked = Snippets(reader, Parse("*werk"))[2];
        Assert.Contains("<mark>Werk</mark>", marked, StringComparison.Ordinal);
        Assert.Contains("<mark>vrijwilligerswerk</mark>", marked, StringComparison.Ordinal);
    }

    /// <summary>The snippet text as the index stores it (UTF-8).</summary>
    private static byte[] Passage(IndexReader reader, int doc)
    {
        var stored = reader.Document(doc).GetBinaryValue(SearchFields.Passage);
        return stored.Bytes.AsSpan(stored.Offset, stored.Length).ToArray();
    }

    [Fact]
    public async Task Marks_read_from_the_offsets_are_those_of_lucene_s_highlighter()
    {
        // Two segments, hits asked out of index order, words found in some texts only, one text that changed after indexing.
        var more = Texts.Select(t => t.Replace("klantmanager", "werkcoach")).Append("Werk, werk en nog eens werk: het gesprek over werk.").ToList();
        using (var index = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance))
        {
            var sequence = 0;
            foreach (var batch in new[] { Texts.ToList(), more })
            {
                await index.ApplyAsync(batch.Select(text =>
                {
                    var source = Guid.NewGuid();
                    sequence++;
                    return new SearchChange(sequence, source,
                        new SearchDocument(source, "page", "nl", $"pages/{sequence}", $"p{sequence}", $"Pagina {sequence}", "", text));
                }).ToList());
            }
        }
        using var reader = DirectoryReader.Open(LuceneSearchIndex.Directory(_folder));
        Assert.True(reader.Leaves.Count >= 2, $"{reader.Leaves.Count} segment(s)");
        var documents = Enumerable.Range(0, reader.MaxDoc).Reverse().Select(doc => (doc, Passage(reader, doc))).ToList();
        documents[0] = (documents[0].doc, documents[0].Item2[..20]); // changed after indexing: places beyond its text
        var searcher = new IndexSearcher(reader);
        foreach (var query in new[] { "werk", "werk|gesprek", "*verklaring|klantmanager", "gesprek*", "werkplan|klantmanager|zin", "vet|tekst" })
        {
            var marks = HighlightQuery.Marks(Parse(query), new IndexWords(reader));
            var fromOffsets = SearchSnippets.Build(searcher, marks, documents, SearchAnalyzers.For("nl"));
            Assert.Equal(SearchSnippets.Build(searcher, marks, documents, SearchAnalyzers.For("nl"), highlighterOnly: true), fromOffsets);
            Assert.Contains(fromOffsets, snippet => snippet.Html.Contains("<mark>", StringComparison.Ordinal));
            // Where the first mark stands in the snippet text: what leads a hit to its section.
            for (var i = 0; i < documents.Count; i++)
            {
                var (html, at) = fromOffsets[i];
                var first = html.IndexOf("<mark>", StringComparison.Ordinal);
                Assert.Equal(first < 0, at < 0);
                if (first < 0) continue;
                var marked = System.Net.WebUtility.HtmlDecode(html[(first + 6)..html.IndexOf("</mark>", first, StringComparison.Ordinal)]);
                Assert.Equal(marked, System.Text.Encoding.UTF8.GetString(documents[i].Item2).Substring(at, marked.Length));
            }
        }
    }

    [Fact]
    public async Task Many_prefixes_together_stay_within_lucenes_clause_limit_and_still_mark()
    {
        // Six prefixes of 300 words each: 1,800 words, more than the 1,024 clauses Lucene allows in one query
        // (the attack of 5 December 2026 found "a* b* c* d* e* f*" failing with TooManyClausesException).
        var letters = "abcdef";
        using var reader = await IndexAsync(
            [string.Join(' ', letters.SelectMany(letter => Enumerable.Range(0, 300).Select(i => $"{letter}woord{i:D3}")))]);
        var query = Parse(string.Join('|', letters.Select(letter => $"{letter}*")));

        var marks = HighlightQuery.Marks(query, new IndexWords(reader))!;
        Assert.InRange(((BooleanQuery)marks).Clauses.Count, letters.Length, BooleanQuery.MaxClauseCount);
        Assert.Contains("<mark>awoord000</mark>", Snippets(reader, query)[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Words_of_other_fields_and_excluded_words_mark_nothing()
    {
        using var reader = await IndexAsync(Texts);
        Assert.Null(HighlightQuery.Marks(Parse("exact:gesprekken"), new IndexWords(reader)));
        var excluded = new BooleanQuery { { new TermQuery(new Term(SearchFields.Body, "werk")), Occur.MUST_NOT } };
        Assert.Null(HighlightQuery.Marks(excluded, new IndexWords(reader)));
        // A hit without a marked word shows the beginning of its text.
        Assert.Equal(Texts[0], Snippets(reader, Parse("gesprek"))[0]);
    }

    [Fact]
    public async Task The_window_with_the_most_different_words_is_shown_cut_on_whole_words()
    {
        using var reader = await IndexAsync(Texts);
        // "werk" alone is in the first sentence of text 2; "werkplan" and "klantmanager" together only at its end.
        var snippet = Snippets(reader, Parse("werkplan|klantmanager|zin"))[2];
        Assert.StartsWith("… ", snippet, StringComparison.Ordinal);
        Assert.EndsWith("<mark>werkplan</mark> en de <mark>klantmanager</mark>.", snippet, StringComparison.Ordinal);
        var plain = snippet.Replace("<mark>", "").Replace("</mark>", "")[2..];
        Assert.True(plain.Length <= SearchSnippets.Length, plain);
        Assert.Contains(" " + plain, " " + Texts[2], StringComparison.Ordinal); // begins at a word
    }

    [Fact]
    public async Task Stored_markup_is_escaped_and_only_marks_are_html()
    {
        using var reader = await IndexAsync(Texts);
        var snippet = Snippets(reader, Parse("vet"))[3];
        Assert.Equal("Over &lt;b&gt;<mark>vette</mark>&lt;/b&gt; tekst &amp; &quot;aanhalingstekens&quot;: geen opmaak in een fragment.", snippet);
    }

    [Fact]
    public async Task A_prefix_of_very_many_words_stays_a_prefix_and_is_still_marked()
    {
        var words = string.Join(' ', Enumerable.Range(0, 600).Select(i => $"woord{i:D4}x"));
        using var reader = await IndexAsync([words, "Een woord0001x en nog een"]);
        var marks = HighlightQuery.Marks(new PrefixQuery(new Term(SearchFields.Body, "woord")), new IndexWords(reader))!;
        Assert.Single(MultiTermQueries(marks));
        Assert.Equal("Een <mark>woord0001x</mark> en nog een", Snippets(reader, new PrefixQuery(new Term(SearchFields.Body, "woord")))[1]);
    }

    private static IEnumerable<MultiTermQuery> MultiTermQueries(Query query) => query switch
    {
        MultiTermQuery multi => [multi],
        BooleanQuery boolean => boolean.Clauses.SelectMany(c => MultiTermQueries(c.Query)),
        _ => [],
    };

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
