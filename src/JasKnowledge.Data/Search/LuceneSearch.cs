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
    internal static SearchResults Run(IndexSearcher searcher, SearchRequest request, bool suggest, SearchPhases? phases)
    {
        var reader = searcher.IndexReader;
        var words = new IndexWords(reader);
        var cultures = Values(words, SearchFields.Culture);
        phases?.Lap("cultures");
        var corrections = SearchCorrections.For(words, request.Query, cultures);
        phases?.Lap("corrections");
        // A query depends on the culture only through its analysis: cultures analysed alike (Dari as Persian;
        // Tigrinya, Somali and any other language by folding alone) share one builder and one query.
        var builders = new Dictionary<string, CultureQuery>(StringComparer.Ordinal);
        var queries = new List<CultureQuery>(cultures.Count);
        foreach (var culture in cultures)
        {
            var language = SearchAnalyzers.Language(culture);
            if (!builders.TryGetValue(language, out var built))
            {
                var builder = new LuceneQuery(words, culture, corrections);
                var main = Build(builder, request, forHighlighting: false);
                builders[language] = built = new CultureQuery(culture, builder, main, main?.ToString());
            }
            queries.Add(built with { Culture = culture });
        }

        // Languages whose analysis gives the same query (a Latin word in Arabic, Tigrinya and Somali) share one.
        // The languages are a filter, not a scored clause: as a clause each language added a weight of its own
        // (a rare one more, two sharing an analyser half), and scoring the language of most of the index next
        // to a common word cost as much as the word. A query that every language shares needs no filter.
        var query = new BooleanQuery();
        foreach (var group in queries.Where(q => q.Query is not null).GroupBy(q => q.Text!, StringComparer.Ordinal))
        {
            var languages = group.Select(q => new BytesRef(q.Culture)).ToArray();
            query.Add(languages.Length == cultures.Count
                ? group.First().Query!
                : new FilteredQuery(group.First().Query!, new TermsFilter(SearchFields.Culture, languages),
                    FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY), Occur.SHOULD);
        }
        phases?.Lap("query");
        var results = query.Clauses.Count == 0 ? SearchResults.None : Collect(searcher, words, query, request, queries, corrections, phases);
        if (results.Total > 0 || !suggest) return results.Total > 0 ? results : results with { AlsoSearchedFor = [] };

        // Nothing found: suggest the query with its words replaced by the closest index words, if that finds something.
        var suggestion = SearchCorrections.For(words, request.Query, cultures, wide: true).Suggest(request.Query);
        if (suggestion is null) return results with { AlsoSearchedFor = [] };
        var alternative = SearchQuery.Parse(suggestion);
        var found = Run(searcher, request with { Query = alternative, Page = 1 }, suggest: false).Total;
        phases?.Lap("suggestion");
        return results with { AlsoSearchedFor = [], Suggestion = found > 0 ? alternative.Text : null };
    }

    private static SearchResults Collect(
        IndexSearcher searcher, IndexWords words, Query query, SearchRequest request, List<CultureQuery> queries,
        SearchCorrections corrections, SearchPhases? phases)
    {
        var skip = (request.Page - 1) * request.PageSize;
        var collector = new HitCollector(request, skip + request.PageSize);
        searcher.Search(query, collector);
        var counts = collector.Counts();
        var best = collector.Best().Skip(skip).Take(request.PageSize).ToList();
        phases?.Lap("search");
        var page = best.Select(hit => (hit.Doc, Document: Document(searcher.Doc(hit.Doc)))).ToList();
        phases?.Lap("documents");
        // The words to mark, once per language's query, and the snippets of the page's hits in that language together.
        var snippets = new Dictionary<int, string>();
        foreach (var group in page.GroupBy(hit => queries.First(q => q.Culture == hit.Document.Culture).Builder))
        {
            var marks = Build(group.Key, request, forHighlighting: true) is { } marked ? HighlightQuery.Marks(marked, words) : null;
            phases?.Lap("highlight query");
            var texts = group.Select(hit => (hit.Doc, SearchSnippets.Text(hit.Document.Summary, hit.Document.Text))).ToList();
            var built = SearchSnippets.Build(searcher, marks, texts, SearchAnalyzers.For(group.First().Document.Culture));
            for (var i = 0; i < texts.Count; i++) snippets[texts[i].Doc] = built[i];
            phases?.Lap("snippets");
        }
        // A hit keeps its document without the text: the snippet is what is shown, and a remembered answer
        // holding ten whole chapters made every first asking feed the garbage collector.
        var hits = page.Select(hit => new SearchHit(hit.Document with { Text = "" }, snippets[hit.Doc])).ToList();
        var results = SearchResults.From(counts, request, hits, corrections.All, null);
        phases?.Lap("results");
        return results;
    }

    /// <summary>A culture's builder and its query (null when the query cannot match in it), with the query's text.</summary>
    private readonly record struct CultureQuery(string Culture, LuceneQuery Builder, Query? Query, string? Text);

    /// <summary>The query in one language, or any of its synonyms (a glossary term written in another language).</summary>
    private static Query? Build(LuceneQuery builder, SearchRequest request, bool forHighlighting)
    {
        var main = builder.Build(request.Query, forHighlighting);
        if (request.Synonyms is not { Count: > 0 } synonyms) return main;
        var any = new BooleanQuery();
        if (main is not null) any.Add(main, Occur.SHOULD);
        foreach (var synonym in synonyms)
        {
            if (builder.Build(synonym, forHighlighting) is { } alternative) any.Add(alternative, Occur.SHOULD);
        }
        return any.Clauses.Count == 0 ? null : any;
    }

    /// <summary>The distinct values of a keyword field (the languages present).</summary>
    private static List<string> Values(IndexWords words, string field)
    {
        var values = new List<string>();
        var terms = words.Terms(field);
        if (terms is null) return values;
        var e = terms.GetEnumerator();
        while (e.MoveNext()) values.Add(e.Term.Utf8ToString());
        return values;
    }

    private static SearchDocument Document(Lucene.Net.Documents.Document stored)
    {
        var type = stored.Get(SearchFields.Type);
        var text = stored.Get(type == SearchIndexer.DownloadType ? SearchFields.Notes : SearchFields.Body) ?? "";
        return new SearchDocument(Guid.Parse(stored.Get(SearchFields.Source)), type, stored.Get(SearchFields.Culture),
            stored.Get(SearchFields.LocalizationSet), stored.Get(SearchFields.Slug), stored.Get(SearchFields.Title),
            stored.Get(SearchFields.Summary) ?? "", text);
    }

    /// <summary>Counts every hit per (type, language) ord pair of its segment and keeps the best hits
    /// that pass the filters, in two lists when the visitor's language goes first.</summary>
    private sealed class HitCollector(SearchRequest request, int keep) : ICollector
    {
        // Best score first; equal scores in the order of the tie-break key, so every node and every
        // rebuild of the index lists them alike.
        private static readonly Sort ByScore = new(SortField.FIELD_SCORE, new SortField(SearchFields.TieBreak, SortFieldType.STRING));
        private readonly TopFieldCollector _preferred = Ranked(keep);
        private readonly TopFieldCollector _others = Ranked(keep);

        private static TopFieldCollector Ranked(int keep) => TopFieldCollector.Create(
            ByScore, Math.Max(1, keep), fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true);
        private readonly Dictionary<(string, string), int> _counts = [];
        private SortedDocValues? _types;
        private SortedDocValues? _cultures;
        private int[] _segment = [];
        private int _typeFilter = -1;
        private int _cultureFilter = -1;
        private int _preferredOrd = -1;

        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer)
        {
            _preferred.SetScorer(scorer);
            _others.SetScorer(scorer);
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            _types = context.AtomicReader.GetSortedDocValues(SearchFields.Type);
            _cultures = context.AtomicReader.GetSortedDocValues(SearchFields.Culture);
            _segment = new int[(_types?.ValueCount ?? 0) * (_cultures?.ValueCount ?? 0)];
            // A filter value absent from the segment (-1 from LookupTerm is negative): nothing passes.
            _typeFilter = request.Type is null ? -1 : Ord(_types, request.Type);
            _cultureFilter = request.Culture is null ? -1 : Ord(_cultures, request.Culture);
            _preferredOrd = request.Culture is null && request.PreferredCulture is not null ? Ord(_cultures, request.PreferredCulture) : -2;
            _preferred.SetNextReader(context);
            _others.SetNextReader(context);
        }

        public void Collect(int doc)
        {
            if (_types is null || _cultures is null) return;
            var type = _types.GetOrd(doc);
            var culture = _cultures.GetOrd(doc);
            if (type < 0 || culture < 0) return;
            _segment[type * _cultures.ValueCount + culture]++;
            if (request.Type is not null && type != _typeFilter) return;
            if (request.Culture is not null && culture != _cultureFilter) return;
            (culture == _preferredOrd ? _preferred : _others).Collect(doc);
        }

        public IReadOnlyList<(string Type, string Culture, int Count)> Counts()
        {
            Flush();
            return _counts.Select(c => (c.Key.Item1, c.Key.Item2, c.Value)).ToList();
        }

        public IEnumerable<ScoreDoc> Best() => _preferred.GetTopDocs().ScoreDocs.Concat(_others.GetTopDocs().ScoreDocs);

        private static int Ord(SortedDocValues? values, string value) => values is null ? -3 : Math.Max(-3, values.LookupTerm(new BytesRef(value)));

        private void Flush()
        {
            if (_types is null || _cultures is null) return;
            var bytes = new BytesRef();
            for (var i = 0; i < _segment.Length; i++)
            {
                if (_segment[i] == 0) continue;
                _types.LookupOrd(i / _cultures.ValueCount, bytes);
                var type = bytes.Utf8ToString();
                _cultures.LookupOrd(i % _cultures.ValueCount, bytes);
                var key = (type, bytes.Utf8ToString());
                _counts[key] = _counts.GetValueOrDefault(key) + _segment[i];
            }
            _types = null;
            _cultures = null;
        }
    }
}

/// <summary>Where the time of searches goes, phase by phase (the benchmark's breakdown): each
/// <see cref="Lap"/> adds the time since the previous one to the named phase.</summary>
internal sealed class SearchPhases
{
    private long _mark = System.Diagnostics.Stopwatch.GetTimestamp();

    public Dictionary<string, double> Milliseconds { get; } = new(StringComparer.Ordinal);

    public void Start() => _mark = System.Diagnostics.Stopwatch.GetTimestamp();

    public void Lap(string phase)
    {
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        Milliseconds[phase] = Milliseconds.GetValueOrDefault(phase) + System.Diagnostics.Stopwatch.GetElapsedTime(_mark, now).TotalMilliseconds;
        _mark = now;
    }
}
