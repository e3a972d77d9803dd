using JasKnowledge.Core.Search;
using JasKnowledge.Data.Search;
using Lucene.Net.Index;
using Microsoft.Extensions.Logging.Abstractions;

namespace JasKnowledge.Tests.Unit;

/// <summary>This node's Lucene index on its own: changes are applied once and in order, the last
/// sequence survives a restart in the commit data, and a damaged folder starts again empty.</summary>
public sealed class LuceneSearchIndexTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"jas-lucene-{Guid.NewGuid():N}");

    private static SearchChange Change(long sequence, Guid source, string title, string culture = "nl") =>
        new(sequence, source, new SearchDocument(source, "page", culture, $"pages/{sequence}", $"p{sequence}", title, "", "Tekst over " + title));

    private static async Task<int> TotalAsync(ISearchIndex index, string text) =>
        (await index.SearchAsync(new SearchRequest(SearchQuery.Parse(text), null, null))).Total;

    [Fact]
    public async Task Changes_are_applied_once_in_order_and_the_last_sequence_survives_a_restart()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        using (var index = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance))
        {
            Assert.Equal(0, index.AppliedSequence);
            await index.ApplyAsync([Change(1, a, "Zeppelin"), Change(2, b, "Walvis")]);
            await index.ApplyAsync([Change(3, a, "Luchtballon"), new SearchChange(4, b, null)]);
            // Already applied: skipped, so an old version never comes back.
            await index.ApplyAsync([Change(2, b, "Walvis")]);
            Assert.Equal(4, index.AppliedSequence);
            Assert.Equal(1, await index.CountAsync());
            Assert.Equal(0, await TotalAsync(index, "zeppelin"));
            Assert.Equal(1, await TotalAsync(index, "luchtballon"));
        }
        using (var reopened = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance))
        {
            Assert.Equal(4, reopened.AppliedSequence);
            Assert.False(reopened.StartedEmpty);
            Assert.Equal(new HashSet<Guid> { a }, reopened.Sources());
        }
    }

    [Fact]
    public async Task Compacting_leaves_one_segment_with_the_same_answers_and_sequence()
    {
        var sources = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToList();
        using (var index = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance))
        {
            // One commit per change, as a catch-up in batches commits: each leaves a segment.
            for (var i = 0; i < sources.Count; i++) await index.ApplyAsync([Change(i + 1, sources[i], i % 2 == 0 ? "Zeppelin" : "Walvis")]);
            await index.ApplyAsync([new SearchChange(13, sources[0], null)]);
            var before = await index.SearchAsync(new SearchRequest(SearchQuery.Parse("zeppelin"), null, null));
            Assert.True(Segments() > 1);

            await index.CompactAsync();

            Assert.Equal(1, Segments());
            var after = await index.SearchAsync(new SearchRequest(SearchQuery.Parse("zeppelin"), null, null));
            Assert.Equal(5, after.Total);
            Assert.Equal(before.Hits.Select(h => (h.Document.Source, h.SnippetHtml)), after.Hits.Select(h => (h.Document.Source, h.SnippetHtml)));
            Assert.Equal(13, index.AppliedSequence);
        }
        using var reopened = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance);
        Assert.Equal(13, reopened.AppliedSequence);
        Assert.Equal(11, await reopened.CountAsync());
    }

    [Fact]
    public async Task Hits_of_equal_score_are_listed_by_their_tie_break_key_across_segments_and_pages()
    {
        // 24 equal documents whose keys (slugs p1…p24, ordered as text: p1, p10, p11…) are spread over four segments.
        var numbers = Enumerable.Range(1, 24).OrderBy(n => n * 7 % 24).ToList();
        using (var index = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance))
        {
            var sequence = 0;
            foreach (var batch in numbers.Chunk(6))
            {
                await index.ApplyAsync(batch.Select(n =>
                {
                    var source = Guid.NewGuid();
                    return new SearchChange(++sequence, source, new SearchDocument(source, "page", "nl", $"pages/{n}", $"p{n}", "Zeppelin", "", "Tekst over zeppelins"));
                }).ToList());
            }
        }
        using (var reader = Lucene.Net.Index.DirectoryReader.Open(LuceneSearchIndex.Directory(_folder)))
            Assert.True(reader.Leaves.Count >= 3, $"{reader.Leaves.Count} segment(s)");

        using var reopened = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance);
        var listed = new List<string>();
        for (var page = 1; page <= 5; page++)
        {
            var found = await reopened.SearchAsync(new SearchRequest(SearchQuery.Parse("zeppelin"), null, null, page, PageSize: 5));
            listed.AddRange(found.Hits.Select(h => h.Document.Slug));
        }
        Assert.Equal(Enumerable.Range(1, 24).Select(n => $"p{n}").Order(StringComparer.Ordinal), listed);
    }

    [Fact]
    public async Task A_hit_ranks_by_its_words_not_by_how_rare_its_language_is_in_the_index()
    {
        using var index = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance);
        // The same text in Somali and in Tigrinya (searched alike: folding only); Somali is common in this
        // index and Tigrinya rare. Dutch shares their query, with its compound endings limited to Dutch documents.
        await index.ApplyAsync([
            Change(1, Guid.NewGuid(), "Zeppelin", "so"),
            Change(2, Guid.NewGuid(), "Zeppelin", "ti"),
            Change(3, Guid.NewGuid(), "Walvis", "so"),
            Change(4, Guid.NewGuid(), "Luchtballon", "so"),
            Change(5, Guid.NewGuid(), "Vlieger", "so"),
            Change(6, Guid.NewGuid(), "Vrachtzeppelin", "nl"),
        ]);

        var found = await index.SearchAsync(new SearchRequest(SearchQuery.Parse("zeppelin"), null, null));

        // Equal words, equal scores: the tie-break key (slug first) orders them, not the language.
        Assert.Equal(["so", "ti"], found.Hits.Where(h => h.Document.Culture != "nl").Select(h => h.Document.Culture));
        Assert.Equal(3, found.Total);
    }

    [Fact]
    public async Task A_language_own_clauses_count_in_its_documents_only_when_languages_share_a_query()
    {
        using var index = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance);
        // Ukrainian words are also found by their beginning (no stemmer): "роботи" for "робота". Dutch and
        // English analyse "робота" as Ukrainian does, so the three share one query, and the beginning must
        // still count in Ukrainian documents only; likewise a Dutch compound ending in Dutch ones only.
        await index.ApplyAsync([
            Change(1, Guid.NewGuid(), "роботи", "uk"),
            Change(2, Guid.NewGuid(), "роботи", "nl"),
            Change(3, Guid.NewGuid(), "роботи", "en"),
            Change(4, Guid.NewGuid(), "робота", "en"),
            Change(5, Guid.NewGuid(), "Vrijwilligerswerk", "nl"),
            Change(6, Guid.NewGuid(), "Vrijwilligerswerk", "en"),
            Change(7, Guid.NewGuid(), "Werk", "en"),
        ]);

        var ukrainian = await index.SearchAsync(new SearchRequest(SearchQuery.Parse("робота"), null, null));
        Assert.Equal(["en:робота", "uk:роботи"], ukrainian.Hits.Select(h => $"{h.Document.Culture}:{h.Document.Title}").Order());
        var dutch = await index.SearchAsync(new SearchRequest(SearchQuery.Parse("werk"), null, null));
        Assert.Equal(["en:Werk", "nl:Vrijwilligerswerk"], dutch.Hits.Select(h => $"{h.Document.Culture}:{h.Document.Title}").Order());
    }

    [Fact]
    public async Task A_Ukrainian_beginning_is_asked_of_Ukrainian_words_only()
    {
        using (var index = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance))
            await index.ApplyAsync([Change(1, Guid.NewGuid(), "Het gesprek", "nl"), Change(2, Guid.NewGuid(), "роботи", "uk")]);
        using var reader = DirectoryReader.Open(LuceneSearchIndex.Directory(_folder));
        var ukrainian = new LuceneQuery(new IndexWords(reader), "uk", SearchCorrections.None);

        // Only a Dutch document has words beginning with "gespr": a beginning asked of every language's
        // words read the Dutch word's documents only for the language filter to drop them all.
        Assert.DoesNotContain(SearchFields.Beginnings, ukrainian.Build(SearchQuery.Parse("gesprek"))!.ToString(), StringComparison.Ordinal);
        Assert.Contains($"{SearchFields.Beginnings}:робот*", ukrainian.Build(SearchQuery.Parse("робота"))!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_word_analysed_again_in_one_search_gives_each_language_its_own_copy_of_its_terms()
    {
        using (var index = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance))
            await index.ApplyAsync([Change(1, Guid.NewGuid(), "Het gesprek", "nl")]);
        using var reader = DirectoryReader.Open(LuceneSearchIndex.Directory(_folder));
        var analysed = new Dictionary<(Lucene.Net.Analysis.Analyzer, string, string), string[]>();
        var dutch = new LuceneQuery(new IndexWords(reader), "nl", SearchCorrections.None, analysed);
        var english = new LuceneQuery(new IndexWords(reader), "en", SearchCorrections.None, analysed);
        // A text longer than the memory shared by all searches keeps: analysed by the search's own memory only.
        var word = "Gesprekken over werk en taal met de klantmanager van de gemeente, voor iedereen";

        var first = dutch.Analyze(SearchFields.Body, word);
        first.Add("changed by the caller");
        var again = dutch.Analyze(SearchFields.Body, word);
        Assert.Equal(LuceneQuery.Terms(SearchAnalyzers.For("nl"), SearchFields.Body, word), again);
        Assert.DoesNotContain("changed by the caller", again);
        Assert.NotEqual(again, dutch.Analyze(SearchFields.Exact, word));
        // The languages of one search share the memory, each still getting its own analysis (English does not stem gesprekken).
        Assert.Equal(LuceneQuery.Terms(SearchAnalyzers.For("en"), SearchFields.Body, word), english.Analyze(SearchFields.Body, word));
        Assert.NotEqual(again, english.Analyze(SearchFields.Body, word));
        Assert.Equal(dutch.Analyze(SearchFields.Exact, word), english.Analyze(SearchFields.Exact, word));
    }

    [Fact]
    public async Task Remembered_compound_endings_follow_what_is_published()
    {
        using var index = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance);
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        await index.ApplyAsync([Change(1, first, "Participatieverklaring"), Change(2, Guid.NewGuid(), "Walvis")]);
        Assert.Equal(1, await TotalAsync(index, "verklaring"));

        // A new segment gets its own set; an unpublished document leaves the remembered set of its segment.
        await index.ApplyAsync([Change(3, second, "Taalverklaring")]);
        Assert.Equal(2, await TotalAsync(index, "verklaring"));
        await index.ApplyAsync([new SearchChange(4, first, null)]);
        var found = await index.SearchAsync(new SearchRequest(SearchQuery.Parse("verklaring"), null, null));
        Assert.Equal([second], found.Hits.Select(h => h.Document.Source));
    }

    [Fact]
    public async Task Remembered_documents_score_as_Lucene_default_rewrite_scores_them()
    {
        using (var index = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance))
            await index.ApplyAsync([
                Change(1, Guid.NewGuid(), "Participatieverklaring"), Change(2, Guid.NewGuid(), "Taalverklaring en verklaring"),
                Change(3, Guid.NewGuid(), "Walvis"), Change(4, Guid.NewGuid(), "роботи", "uk"), Change(5, Guid.NewGuid(), "робота", "uk")]);
        using var reader = DirectoryReader.Open(LuceneSearchIndex.Directory(_folder));
        var searcher = new Lucene.Net.Search.IndexSearcher(reader);
        foreach (var make in new Func<Lucene.Net.Search.MultiTermQuery>[]
        {
            () => new CompoundEndingQuery("verklar") { Boost = 0.3f },
            () => new Lucene.Net.Search.PrefixQuery(new Term(SearchFields.Beginnings, "робот")) { Boost = 0.5f },
            // A visitor's prefix (робот*) in a text field, as the title's share of it is built.
            () => new Lucene.Net.Search.PrefixQuery(new Term(SearchFields.Title, "робот")) { Boost = 8f },
        })
        {
            var remembered = make();
            remembered.MultiTermRewriteMethod = RememberedDocuments.Instance;
            var lucene = make();
            lucene.MultiTermRewriteMethod = Lucene.Net.Search.MultiTermQuery.CONSTANT_SCORE_AUTO_REWRITE_DEFAULT;
            var expected = searcher.Search(lucene, 10).ScoreDocs.Select(d => (d.Doc, d.Score)).ToList();
            Assert.Equal(2, expected.Count);
            // Asked twice: once found, once remembered.
            Assert.Equal(expected, searcher.Search(remembered, 10).ScoreDocs.Select(d => (d.Doc, d.Score)));
            Assert.Equal(expected, searcher.Search(remembered, 10).ScoreDocs.Select(d => (d.Doc, d.Score)));
        }
    }

    [Fact]
    public async Task A_phrase_with_a_common_word_finds_and_scores_as_Lucene_phrase_does()
    {
        // A phrase with a common word is looked for only where its pairs are (PairedPhraseQuery): the same
        // documents and scores as Lucene's phrase, also where each pair is there but not the phrase.
        Guid[] sources = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        string[] titles = ["Het gesprek", "Gesprek het", "Het goede gesprek", "Het gesprek met de klantmanager", "Het gesprek en een gesprek met hem"];
        using (var index = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance))
        {
            await index.ApplyAsync(titles.Select((title, i) => Change(i + 1, sources[i], title)).ToList());
            foreach (var (phrase, expected) in new[]
            {
                ("\"het gesprek\"", new[] { 0, 3, 4 }), ("\"gesprek met\"", [3, 4]), ("\"het gesprek met\"", [3]), ("\"gesprek het\"", [1]),
            })
            {
                var found = await index.SearchAsync(new SearchRequest(SearchQuery.Parse(phrase), null, null));
                Assert.Equal(expected.Select(i => sources[i]).Order(), found.Hits.Select(h => h.Document.Source).Order());
            }
        }
        using var reader = DirectoryReader.Open(LuceneSearchIndex.Directory(_folder));
        var searcher = new Lucene.Net.Search.IndexSearcher(reader);
        foreach (var field in new[] { SearchFields.Title, SearchFields.Body })
        {
            foreach (var stems in new[] { new[] { "het", "gesprek" }, ["gesprek", "met"], ["het", "gesprek", "met"] })
            {
                Lucene.Net.Search.PhraseQuery Phrase(float boost)
                {
                    var phrase = new Lucene.Net.Search.PhraseQuery { Boost = boost };
                    foreach (var stem in stems) phrase.Add(new Term(field, stem));
                    return phrase;
                }
                var pairs = CommonWordPairs.Of(stems).Select(p => new Term(SearchFields.PairsOf(field), p)).ToArray();
                var expected = searcher.Search(Phrase(3f), 10).ScoreDocs.Select(d => (d.Doc, d.Score)).ToList();
                Assert.NotEmpty(expected);
                // Boosted after it is made, as a field's weight is given to it.
                var paired = new PairedPhraseQuery(Phrase(1f), pairs) { Boost = 3f };
                Assert.Equal(expected, searcher.Search(paired, 10).ScoreDocs.Select(d => (d.Doc, d.Score)));
            }
        }
    }

    [Theory]
    [InlineData("nl")]
    [InlineData("nl en")]
    public async Task An_excluded_word_leaves_out_every_document_that_holds_it(string cultures)
    {
        // One language: the word's alternatives carry the exclusion themselves; two that stem alike: the same.
        var sequence = 0L;
        using var index = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance);
        var kept = new List<Guid>();
        foreach (var culture in cultures.Split(' '))
        {
            foreach (var title in new[] { "Werk en school", "Werk", "School", "Werk na de school", "Werk werk" })
            {
                var change = Change(++sequence, Guid.NewGuid(), title, culture);
                if (!title.Contains("school", StringComparison.OrdinalIgnoreCase)) kept.Add(change.Source);
                await index.ApplyAsync([change]);
            }
        }
        var found = await index.SearchAsync(new SearchRequest(SearchQuery.Parse("werk -school"), null, null));
        Assert.Equal(kept.Order(), found.Hits.Select(h => h.Document.Source).Order());
        Assert.Equal(kept.Count, found.Total);
    }

    [Fact]
    public async Task An_excluded_word_leaves_out_its_other_forms_too()
    {
        // The exclusion is read from the word's postings in every field it is searched in, stemmed ones included:
        // "gesprekken" leaves out a document that only says "gesprek".
        using var index = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance);
        var sequence = 0L;
        var kept = new List<Guid>();
        foreach (var title in new[] { "Werk en gesprek", "Werk", "Werk na de gesprekken", "Werk en school" })
        {
            var change = Change(++sequence, Guid.NewGuid(), title, "nl");
            if (!title.Contains("gesprek", StringComparison.Ordinal)) kept.Add(change.Source);
            await index.ApplyAsync([change]);
        }
        var found = await index.SearchAsync(new SearchRequest(SearchQuery.Parse("werk -gesprekken"), null, null));
        Assert.Equal(kept.Order(), found.Hits.Select(h => h.Document.Source).Order());
        Assert.Equal(2, found.Total);
    }

    [Fact]
    public async Task Skipping_hits_that_cannot_rank_gives_the_answer_of_scoring_every_hit()
    {
        // Three segments of generated documents in four languages and two types, some unpublished again; a few
        // words in many bodies and fewer titles, texts of every length, so scores differ and also tie. One word is
        // in two titles only (and often in their text): its page is filled from the other fields while the threshold rises.
        var random = new Random(7);
        string[] dutch = ["gesprek", "gesprekken", "werk", "stage", "taal", "school", "Participatieverklaring", "verklaring", "klantmanager", "het", "de"];
        string[] ukrainian = ["робота", "роботи", "робочий", "мова", "школа"];
        string Words(string[] from, int most) => string.Join(' ', Enumerable.Range(0, random.Next(1, most)).Select(_ => from[random.Next(from.Length)]));
        string Title(string[] from, int segment, int i) =>
            segment == 0 && i is 3 or 403 ? "klantmanager" : Words(from, 4).Replace("klantmanager", "taal", StringComparison.Ordinal);
        var sequence = 0L;
        var published = new List<Guid>();
        using (var index = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance))
        {
            for (var segment = 0; segment < 3; segment++)
            {
                var changes = new List<SearchChange>();
                for (var i = 0; i < 700; i++)
                {
                    var source = Guid.NewGuid();
                    var culture = (i % 7) switch { 0 => "uk", 1 => "en", 2 => "ar", _ => "nl" };
                    var words = culture == "uk" ? ukrainian : dutch;
                    changes.Add(new SearchChange(++sequence, source, new SearchDocument(source, i % 3 == 0 ? "sheet" : "page", culture,
                        $"set/{sequence}", $"s{sequence}", Title(words, segment, i), random.Next(3) == 0 ? Words(words, 8) : "",
                        segment == 0 && i is 3 or 403 ? "klantmanager klantmanager klantmanager" : Words(words, random.Next(2, 90)))));
                    published.Add(source);
                }
                // Unpublished documents of earlier segments stay in them as deletions until a merge.
                changes.AddRange(published.Where((_, n) => n % 11 == 5).Take(40).Select(gone => new SearchChange(++sequence, gone, null)));
                await index.ApplyAsync(changes);
            }
        }
        using var reader = DirectoryReader.Open(LuceneSearchIndex.Directory(_folder));
        Assert.True(reader.Leaves.Count >= 3 && reader.HasDeletions);
        var searcher = new LiveStatisticsSearcher(reader);
        var compared = 0;
        foreach (var text in new[] { "gesprek", "werk -stage", "verklaring", "робота", "gesprk", "werk -nergens", "werk -school", "gesprek -taal", "klantmanager", "klantmanager -stage", "gesprek -wer*", "taal -\"het gesprek\"", "school taal", "\"het gesprek\"", "werk*", "de",
            // Words that must all occur: two add up alike in any order, three or more in the order of their cost.
            "klantmanager werk", "werk school taal", "gesprek werk -stage", "taal school -de", "het de gesprek werk", "verklaring werk", "робота мова" })
        foreach (var (culture, type, preferred) in new (string?, string?, string?)[] { (null, null, null), ("nl", null, null), (null, "sheet", null), (null, null, "en"), (null, null, "uk"), ("uk", "page", null) })
        foreach (var (page, size) in new[] { (1, 10), (2, 10), (3, 3), (1, 1) })
        {
            var request = new SearchRequest(SearchQuery.Parse(text), culture, type, page, size, preferred);
            var skipping = LuceneSearch.Run(searcher, request, suggest: true, phases: null);
            var everyHit = LuceneSearch.Run(searcher, request, suggest: true, phases: null, scoreEveryHit: true);
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(everyHit), System.Text.Json.JsonSerializer.Serialize(skipping));
            if (everyHit.Hits.Count > 0) compared++;
        }
        // With glossary synonyms beside the words typed (each its own clause of alternatives, as the portal adds them).
        foreach (var (text, synonyms) in new[] { ("werk", new[] { "робота", "stage" }), ("gesprek", ["verklaring"]), ("школа", ["school"]), ("klantmanager werk", ["taal"]) })
        foreach (var (culture, preferred) in new (string?, string?)[] { (null, null), ("nl", null), (null, "uk") })
        {
            var request = new SearchRequest(SearchQuery.Parse(text), culture, null, 1, 10, preferred, synonyms.Select(SearchQuery.Parse).ToList());
            var skipping = LuceneSearch.Run(searcher, request, suggest: true, phases: null);
            var everyHit = LuceneSearch.Run(searcher, request, suggest: true, phases: null, scoreEveryHit: true);
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(everyHit), System.Text.Json.JsonSerializer.Serialize(skipping));
            if (everyHit.Hits.Count > 0) compared++;
        }
        Assert.True(compared > 160, $"{compared} answers with hits compared");
    }

    [Theory]
    [InlineData(12)]
    [InlineData(900)]
    [InlineData(2_500)]
    [InlineData(60_000)]
    public async Task Stored_text_of_any_length_reads_back_whole(int length)
    {
        // The stored fields are not compressed and a long text is written in slices: each must read back in place.
        var words = new[] { "gesprek", "ስራሕ", "العمل", "робота", "Participatieverklaring" };
        string Text(int seed) => string.Join(' ', Enumerable.Range(seed, length).Select(i => words[i % words.Length]))[..length];
        using (var index = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance))
        {
            // Short ones share a chunk with the long one between them.
            await index.ApplyAsync(Enumerable.Range(1, 5).Select(i =>
            {
                var source = Guid.NewGuid();
                return new SearchChange(i, source, new SearchDocument(source, "page", "nl", $"pages/{i}", $"p{i}", $"Titel {i}", "Samenvatting", i == 3 ? Text(i) : Text(i)[..Math.Min(length, 40)]));
            }).ToList());
        }
        using var reader = Lucene.Net.Index.DirectoryReader.Open(LuceneSearchIndex.Directory(_folder));
        var stored = Enumerable.Range(0, reader.MaxDoc).Select(reader.Document)
            .ToDictionary(d => d.Get(SearchFields.Slug), d => (d.Get(SearchFields.Title), d.GetBinaryValue(SearchFields.Passage).Utf8ToString()));
        for (var i = 1; i <= 5; i++)
        {
            var text = i == 3 ? Text(i) : Text(i)[..Math.Min(length, 40)];
            Assert.Equal(($"Titel {i}", SearchSnippets.Text("Samenvatting", text)), stored[$"p{i}"]);
        }
    }

    private int Segments()
    {
        using var reader = Lucene.Net.Index.DirectoryReader.Open(LuceneSearchIndex.Directory(_folder));
        return reader.Leaves.Count;
    }

    [Fact]
    public async Task A_repeated_search_is_answered_from_memory_until_the_index_changes()
    {
        var source = Guid.NewGuid();
        using var index = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance);
        await index.ApplyAsync([Change(1, source, "Zeppelin")]);
        var request = new SearchRequest(SearchQuery.Parse("zeppelin"), null, null);
        // The first asking is answered, the second answer kept (a question asked once is not).
        var once = await index.SearchAsync(request);
        var kept = await index.SearchAsync(request with { Query = SearchQuery.Parse("  zeppelin ") });
        Assert.Equal(1, kept.Total);
        Assert.NotSame(once, kept);
        Assert.Same(kept, await index.SearchAsync(request));
        // Another page, filter or preferred language is another answer.
        Assert.Equal(0, (await index.SearchAsync(request with { Culture = "ar" })).Total);
        Assert.NotSame(kept, await index.SearchAsync(request with { Culture = "ar" }));
        Assert.Equal(0, (await index.SearchAsync(request with { Culture = "ar" })).Total);
        await index.SearchAsync(request with { PreferredCulture = "en" });
        Assert.NotSame(kept, await index.SearchAsync(request with { PreferredCulture = "en" }));

        // Read your writes: once a change is applied, the remembered answer is never served again.
        await index.ApplyAsync([Change(2, source, "Luchtballon")]);
        Assert.Equal(0, (await index.SearchAsync(request)).Total);
        await index.ApplyAsync([Change(3, Guid.NewGuid(), "Zeppelin boven Leiden")]);
        Assert.Equal(1, (await index.SearchAsync(request)).Total);
    }

    [Theory]
    [InlineData("segments")]
    [InlineData("data")]
    public async Task A_damaged_index_starts_again_empty(string damage)
    {
        using (var index = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance))
        {
            await index.ApplyAsync(Enumerable.Range(1, 50).Select(i => Change(i, Guid.NewGuid(), $"Titel {i}")).ToList());
        }
        var files = Directory.GetFiles(_folder).Where(f => !f.EndsWith("write.lock", StringComparison.Ordinal)).ToList();
        var target = damage == "segments"
            ? files.Single(f => Path.GetFileName(f).StartsWith("segments_", StringComparison.Ordinal))
            : files.Where(f => !Path.GetFileName(f).StartsWith("segments", StringComparison.Ordinal))
                .OrderByDescending(f => new FileInfo(f).Length).First();
        var bytes = await File.ReadAllBytesAsync(target);
        Array.Fill(bytes, (byte)0x5A, bytes.Length / 3, bytes.Length / 3);
        await File.WriteAllBytesAsync(target, bytes);

        using var rebuilt = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance);
        Assert.True(rebuilt.StartedEmpty);
        Assert.Equal(0, rebuilt.AppliedSequence);
        Assert.Equal(0, await rebuilt.CountAsync());
        await rebuilt.ApplyAsync([Change(1, Guid.NewGuid(), "Zeppelin")]);
        Assert.Equal(1, await TotalAsync(rebuilt, "zeppelin"));
    }

    [Fact]
    public async Task Two_hosts_on_one_folder_share_the_index_and_the_last_closes_it()
    {
        var first = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance);
        var second = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance);
        Assert.Same(first, second);
        await first.ApplyAsync([Change(1, Guid.NewGuid(), "Zeppelin")]);
        first.Dispose();
        Assert.Equal(1, await TotalAsync(second, "zeppelin"));
        second.Dispose();
        using var again = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance);
        Assert.NotSame(first, again);
        Assert.Equal(1, again.AppliedSequence);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
