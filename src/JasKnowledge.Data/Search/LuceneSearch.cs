using JasKnowledge.Core.Search;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace JasKnowledge.Data.Search;

/// <summary>
/// One search on a searcher: the query is built per language present in the index (each language's
/// words analysed as its documents were), run once; one pass counts the hits per (type, language) for
/// the facets and keeps the best hits that pass the filters — the visitor's language first — and the
/// page of hits gets its snippets from Lucene's postings highlighter, per language.
/// </summary>
public static class LuceneSearch
{
    public static SearchResults Run(IndexSearcher searcher, SearchRequest request, bool suggest = true) =>
        Run(searcher, request, suggest, phases: null);

    /// <param name="phases">Where the time goes (the benchmark's phase breakdown); null when not measured.</param>
    /// <param name="scoreEveryHit">Score every hit instead of skipping those that cannot rank (<see cref="MaxScoreScorer"/>):
    /// what the tests and the benchmark hold the skipping against.</param>
    internal static SearchResults Run(IndexSearcher searcher, SearchRequest request, bool suggest, SearchPhases? phases, bool scoreEveryHit = false)
    {
        var reader = searcher.IndexReader;
        using var words = new IndexWords(reader);
        var cultures = Cultures(reader);
        phases?.Lap("cultures");
        var corrections = SearchCorrections.For(words, request.Query, cultures);
        phases?.Lap("corrections");
        // A query depends on the culture only through its analysis: cultures analysed alike (Dari as Persian;
        // Tigrinya, Somali and any other language by folding alone) share one builder.
        var languages = new Dictionary<string, Language>(StringComparer.Ordinal);
        var analysed = new Dictionary<(Lucene.Net.Analysis.Analyzer, string, string), string[]>();
        foreach (var culture in cultures)
        {
            var name = SearchAnalyzers.Language(culture);
            if (!languages.TryGetValue(name, out var language))
                languages[name] = language = new Language(new LuceneQuery(words, culture, corrections, analysed), []);
            language.Cultures.Add(culture);
        }

        // Languages whose analysis gives the same words (a Latin word in Dutch, English and Arabic) share one
        // query, which carries each one's own clauses (a Dutch compound ending, a Ukrainian beginning) limited
        // to its documents: a query per language read a common word's documents once for every language.
        // The languages are a filter, not a scored clause: as a clause each language added a weight of its own
        // (a rare one more, two sharing an analyser half), and scoring the language of most of the index next
        // to a common word cost as much as the word. A query that every language shares needs no filter.
        // Each group's languages are its own, and a document has one language: no document matches two groups.
        var query = new WindowedBooleanQuery { ClausesMatchApart = true };
        foreach (var group in languages.Values.GroupBy(l => SharedKey(l.Builder, request), StringComparer.Ordinal))
        {
            var members = group.ToList();
            var own = members.Select(l => new LuceneQuery.OwnClauses(l.Builder, members.Count == 1 ? null : LanguageFilter(l.Cultures))).ToList();
            if (Build(request, q => members[0].Builder.BuildShared(q, own)) is not { } shared) continue;
            var groupCultures = members.SelectMany(l => l.Cultures).ToList();
            query.Add(groupCultures.Count == cultures.Count ? shared
                : new FilteredQuery(shared, LanguageFilter(groupCultures), AcceptedDocumentsStrategy.Instance), Occur.SHOULD);
        }
        phases?.Lap("query");
        var results = query.Clauses.Count == 0 ? SearchResults.None : Collect(searcher, words, query, request, languages, corrections, phases, scoreEveryHit);
        if (results.Total > 0 || !suggest) return results.Total > 0 ? results : results with { AlsoSearchedFor = [] };

        // Nothing found: suggest the query with its words replaced by the closest index words, if that finds something.
        var suggestion = SearchCorrections.For(words, request.Query, cultures, wide: true).Suggest(request.Query);
        if (suggestion is null) return results with { AlsoSearchedFor = [] };
        var alternative = SearchQuery.Parse(suggestion);
        var found = Run(searcher, request with { Query = alternative, Page = 1 }, suggest: false, phases: null, scoreEveryHit).Total;
        phases?.Lap("suggestion");
        return results with { AlsoSearchedFor = [], Suggestion = found > 0 ? alternative.Text : null };
    }

    private static SearchResults Collect(
        IndexSearcher searcher, IndexWords words, Query query, SearchRequest request, Dictionary<string, Language> languages,
        SearchCorrections corrections, SearchPhases? phases, bool scoreEveryHit)
    {
        var skip = (request.Page - 1) * request.PageSize;
        var collector = new HitCollector(request, skip + request.PageSize);
        searcher.Search(query, scoreEveryHit ? new EveryHit(collector) : collector);
        var counts = collector.Counts();
        var best = collector.Best().Skip(skip).Take(request.PageSize).ToList();
        phases?.Lap("search");
        var page = best.Select(hit =>
        {
            var stored = new HitFields();
            searcher.Doc(hit.Doc, stored);
            return (hit.Doc, Document: stored.Document(), Passage: stored.Passage, stored.Sections);
        }).ToList();
        phases?.Lap("documents");
        // The words to mark, once per language's query, and the snippets of the page's hits in that language together.
        var snippets = new Dictionary<int, SearchSnippets.Snippet>();
        foreach (var group in page.GroupBy(hit => languages[SearchAnalyzers.Language(hit.Document.Culture)].Builder))
        {
            var marks = Build(request, q => group.Key.Build(q, forHighlighting: true)) is { } marked ? HighlightQuery.Marks(marked, words) : null;
            phases?.Lap("highlight query");
            var texts = group.Select(hit => (hit.Doc, hit.Passage)).ToList();
            var built = SearchSnippets.Build(searcher, marks, texts, SearchAnalyzers.For(group.First().Document.Culture));
            for (var i = 0; i < texts.Count; i++) snippets[texts[i].Doc] = built[i];
            phases?.Lap("snippets");
        }
        // A hit's document has no text (the index does not keep it apart from the snippet text): the snippet
        // is what is shown, and a remembered answer holding ten whole chapters fed the garbage collector.
        var hits = page.Select(hit =>
        {
            var snippet = snippets[hit.Doc];
            var section = snippet.MarkAt < 0 || hit.Sections is null ? null : SearchSection.At(SearchSection.Split(hit.Sections), snippet.MarkAt);
            return new SearchHit(hit.Document, snippet.Html, section);
        }).ToList();
        var results = SearchResults.From(counts, request, hits, corrections.All, null);
        phases?.Lap("results");
        return results;
    }

    /// <summary>The documents of a set of languages, per segment, kept as long as the segment lives
    /// (Lucene's CachingWrapperFilter): building the set of a language that holds most of the index was a
    /// walk over most of its documents in every search. The filter is tested per hit while the words'
    /// documents are read (Lucene's default strategy), cheaper than stepping through the filter's documents.</summary>
    private static Filter LanguageFilter(IEnumerable<string> cultures)
    {
        var sorted = cultures.Order(StringComparer.Ordinal).ToArray();
        var key = string.Join(' ', sorted);
        return LanguageFilters.TryGetValue(key, out var filter) ? filter
            : LanguageFilters.Remember(key, new CachingWrapperFilter(new TermsFilter(SearchFields.Culture, sorted.Select(c => new BytesRef(c)).ToArray())));
    }

    /// <remarks>The sets are groups of the index's languages, a handful in practice.</remarks>
    private static readonly RememberedUpTo<string, Filter> LanguageFilters = new(256, StringComparer.Ordinal);

    private static string SharedKey(LuceneQuery builder, SearchRequest request) =>
        string.Join('\n', (request.Synonyms ?? []).Prepend(request.Query).Select(builder.SharedKey));

    /// <summary>A language's query builder and the cultures of the index it analyses.</summary>
    private sealed record Language(LuceneQuery Builder, List<string> Cultures);

    /// <summary>The request's query, or any of its synonyms (a glossary term written in another language), each built by <paramref name="build"/>.</summary>
    private static Query? Build(SearchRequest request, Func<SearchQuery, Query?> build)
    {
        var main = build(request.Query);
        if (request.Synonyms is not { Count: > 0 } synonyms) return main;
        var any = new WindowedBooleanQuery();
        if (main is not null) any.Add(main, Occur.SHOULD);
        foreach (var synonym in synonyms)
        {
            if (build(synonym) is { } alternative) any.Add(alternative, Occur.SHOULD);
        }
        return any.Clauses.Count == 0 ? null : any;
    }

    /// <summary>The languages of the index, in index order, from the segments' own lists of them
    /// (<see cref="SegmentFacets"/>, which the facet counts read anyway): reading them from the words of the
    /// language field made a word list over all segments in every search.</summary>
    private static List<string> Cultures(IndexReader reader) =>
        reader.Leaves.SelectMany(segment => SegmentFacets.Of(segment.AtomicReader).Cultures).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>What a hit shows, read from its stored fields straight into strings: Lucene's own reader
    /// builds a document of field objects, each with a field type of its own, only to be read back.</summary>
    private sealed class HitFields : StoredFieldVisitor
    {
        private string? _source, _type, _culture, _set, _slug, _title, _summary;

        /// <summary>The snippet text as stored (UTF-8): the snippet is cut from it without making it a string.</summary>
        public byte[] Passage { get; private set; } = [];

        /// <summary>The text's sections as stored (<see cref="SearchSection.Join"/>), or null for a text without headings.</summary>
        public string? Sections { get; private set; }

        public override Status NeedsField(FieldInfo fieldInfo) => Status.YES;

        public override void StringField(FieldInfo fieldInfo, string value)
        {
            switch (fieldInfo.Name)
            {
                case SearchFields.Source: _source = value; break;
                case SearchFields.Type: _type = value; break;
                case SearchFields.Culture: _culture = value; break;
                case SearchFields.LocalizationSet: _set = value; break;
                case SearchFields.Slug: _slug = value; break;
                case SearchFields.Title: _title = value; break;
                case SearchFields.Summary: _summary = value; break;
                case SearchFields.Sections: Sections = value; break;
            }
        }

        public override void BinaryField(FieldInfo fieldInfo, byte[] value)
        {
            if (fieldInfo.Name == SearchFields.Passage) Passage = value;
        }

        public SearchDocument Document() =>
            new(Guid.Parse(_source!), _type!, _culture!, _set!, _slug!, _title!, _summary ?? "", "");
    }

    /// <summary>A collector as Lucene's scorers see any collector: they score every hit for it.</summary>
    private sealed class EveryHit(ICollector collector) : ICollector
    {
        public void SetScorer(Scorer scorer) => collector.SetScorer(scorer);
        public void Collect(int doc) => collector.Collect(doc);
        public void SetNextReader(AtomicReaderContext context) => collector.SetNextReader(context);
        public bool AcceptsDocsOutOfOrder => collector.AcceptsDocsOutOfOrder;
    }

    /// <summary>Counts every hit per (type, language) ord pair of its segment and keeps the best hits
    /// that pass the filters, in two lists when the visitor's language goes first. A scorer that skips hits
    /// which cannot rank (<see cref="MaxScoreScorer"/>) has all hits counted apart, offers only those that can
    /// rank, and asks for the lowest score that still does (the lowest listed once the lists are full).</summary>
    private sealed class HitCollector(SearchRequest request, int keep) : IRankingCollector
    {
        // Best score first; equal scores in the order of the tie-break key, so every node and every
        // rebuild of the index lists them alike.
        private static readonly Sort ByScore = new(SortField.FIELD_SCORE, TieBreakOrder.Field);
        /// <summary>The visitor's language, listed first when no language is chosen; null: one list.</summary>
        private readonly string? _preferredCulture = PreferredCulture(request);
        // Only when there is a language to list first: each list reads the tie-break values of every segment.
        private readonly TopFieldCollector? _preferred = PreferredCulture(request) is null ? null : Ranked(keep);
        private readonly TopFieldCollector _others = Ranked(keep);

        private static string? PreferredCulture(SearchRequest request) => request.Culture is null ? request.PreferredCulture : null;

        private static TopFieldCollector Ranked(int keep) => TopFieldCollector.Create(
            ByScore, Math.Max(1, keep), fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
        private readonly Dictionary<(string, string), int> _counts = [];
        private SegmentFacets? _facets;
        private int[] _keys = [];
        private int[] _segment = [];
        /// <summary>Per (type, language) pair of the segment: 0 filtered out, 1 preferred language, 2 any other.</summary>
        private byte[] _kept = [];
        /// <summary>Whether a hit of this segment can enter the preferred list and the other list.</summary>
        private bool _toPreferred, _toOthers;
        /// <summary>The scores of each list's best hits offered by <see cref="Rank"/>, lowest first: the lowest is the threshold once a list is full.</summary>
        private readonly PriorityQueue<float, float> _preferredScores = new(), _otherScores = new();

        /// <summary>Counting and ranking do not depend on the order hits come in, so a query of alternatives
        /// (one word in several fields) is scored by Lucene's bucket scorer, a window of documents at a time,
        /// instead of merging the fields' lists document by document: about a tenth less CPU per first asking
        /// at 10,000 documents; a scorer that skips hits offers them in any order too. Equal scores still rank by
        /// the tie-break key.</summary>
        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
            _preferred?.SetScorer(scorer);
            _others.SetScorer(scorer);
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            _facets = SegmentFacets.Of(context.AtomicReader);
            _keys = _facets.Keys;
            _segment = new int[_facets.Count];
            _kept = new byte[_facets.Count];
            for (var key = 0; key < _kept.Length; key++)
            {
                var (type, culture) = (_facets.TypeOf(key), _facets.CultureOf(key));
                if (request.Type is not null && type != request.Type || request.Culture is not null && culture != request.Culture) continue;
                _kept[key] = culture == _preferredCulture ? (byte)1 : (byte)2;
            }
            _toPreferred = _kept.Contains((byte)1);
            _toOthers = _kept.Contains((byte)2);
            _preferred?.SetNextReader(context);
            _others.SetNextReader(context);
        }

        public void Collect(int doc)
        {
            var key = _keys[doc];
            if (key < 0) return;
            _segment[key]++;
            switch (_kept[key])
            {
                case 1: _preferred!.Collect(doc); break;
                case 2: _others.Collect(doc); break;
            }
        }

        public float Threshold => Math.Min(
            _toPreferred ? Lowest(_preferredScores) : float.PositiveInfinity, _toOthers ? Lowest(_otherScores) : float.PositiveInfinity);

        private float Lowest(PriorityQueue<float, float> scores) =>
            scores.Count < Math.Max(1, keep) ? float.NegativeInfinity : scores.Peek();

        public void CountAll(long[] hits, int maxDoc, IBits? live)
        {
            for (var word = 0; word << 6 < maxDoc; word++)
            {
                for (var bits = hits[word]; bits != 0; bits &= bits - 1)
                {
                    var doc = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                    if (live is not null && !live.Get(doc)) continue;
                    var key = _keys[doc];
                    if (key >= 0) _segment[key]++;
                }
            }
        }

        public void Rank(int doc, float score)
        {
            var key = _keys[doc];
            if (key < 0) return;
            switch (_kept[key])
            {
                case 1: _preferred!.Collect(doc); Offer(_preferredScores, score); break;
                case 2: _others.Collect(doc); Offer(_otherScores, score); break;
            }
        }

        private void Offer(PriorityQueue<float, float> scores, float score)
        {
            if (scores.Count < Math.Max(1, keep)) scores.Enqueue(score, score);
            else if (score > scores.Peek()) scores.EnqueueDequeue(score, score);
        }

        public IReadOnlyList<(string Type, string Culture, int Count)> Counts()
        {
            Flush();
            return _counts.Select(c => (c.Key.Item1, c.Key.Item2, c.Value)).ToList();
        }

        public IEnumerable<ScoreDoc> Best() => (_preferred?.GetTopDocs().ScoreDocs ?? []).Concat(_others.GetTopDocs().ScoreDocs);

        private void Flush()
        {
            if (_facets is null) return;
            for (var key = 0; key < _segment.Length; key++)
            {
                if (_segment[key] == 0) continue;
                var pair = (_facets.TypeOf(key), _facets.CultureOf(key));
                _counts[pair] = _counts.GetValueOrDefault(pair) + _segment[key];
            }
            _facets = null;
        }
    }
}

/// <summary>Where the time of searches goes, phase by phase (the benchmark's breakdown): each
/// <see cref="Lap"/> adds the time since the previous one to the named phase.</summary>
internal sealed class SearchPhases
{
    private long _mark = System.Diagnostics.Stopwatch.GetTimestamp();
    private long _allocated = GC.GetAllocatedBytesForCurrentThread();

    public Dictionary<string, double> Milliseconds { get; } = new(StringComparer.Ordinal);

    /// <summary>Bytes allocated per phase, on the searching thread.</summary>
    public Dictionary<string, long> Bytes { get; } = new(StringComparer.Ordinal);

    public void Start()
    {
        _allocated = GC.GetAllocatedBytesForCurrentThread();
        _mark = System.Diagnostics.Stopwatch.GetTimestamp();
    }

    public void Lap(string phase)
    {
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        Milliseconds[phase] = Milliseconds.GetValueOrDefault(phase) + System.Diagnostics.Stopwatch.GetElapsedTime(_mark, now).TotalMilliseconds;
        Bytes[phase] = Bytes.GetValueOrDefault(phase) + allocated - _allocated;
        _allocated = allocated;
        _mark = now;
    }
}
