using JasKnowledge.Data.Search;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace JasKnowledge.Tests.Unit;

/// <summary>A search that counts apart from ranking scores only the hits that can still rank, and lists
/// the same best hits, with the same scores, as scoring every hit; with nothing to skip (a threshold that never
/// rises) it finds exactly Lucene's hits with exactly Lucene's scores, to the last bit, on queries shaped as the
/// portal builds them (the portal-level comparison over many requests is in <see cref="LuceneSearchIndexTests"/>).</summary>
public sealed class MaxScoreScorerTests : IDisposable
{
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;

    public MaxScoreScorerTests()
    {
        var random = new Random(11);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)) { MergePolicy = NoMergePolicy.COMPOUND_FILES };
        using (var writer = new IndexWriter(_directory, config))
        {
            // Two segments of 1,500: "gesprek" in every body and in one title of fifty.
            for (var segment = 0; segment < 2; segment++)
            {
                for (var i = 0; i < 1_500; i++)
                {
                    var document = new Document
                    {
                        new TextField("title", i % 50 == 7 ? "gesprek" : "werk", Field.Store.NO),
                        new TextField("body", "gesprek " + string.Join(' ', Enumerable.Repeat("taal", random.Next(0, 40))), Field.Store.NO),
                        new StringField("id", $"{segment}-{i}", Field.Store.NO),
                    };
                    writer.AddDocument(document);
                }
                writer.Commit();
            }
            writer.DeleteDocuments(new Term("id", "0-7"));
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
    }

    private static Query Gesprek(bool excludeTaal = false, CountingTermQuery? body = null)
    {
        var fields = new BestFieldQuery(0.1f) { new TermQuery(new Term("title", "gesprek")) { Boost = 8 }, body ?? new TermQuery(new Term("body", "gesprek")) };
        var query = new WindowedBooleanQuery(disableCoord: true) { { fields, Occur.SHOULD } };
        if (excludeTaal) query.Add(new TermQuery(new Term("body", "taal")), Occur.MUST_NOT);
        return query;
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(false, 10)]
    [InlineData(true, 10)]
    public void A_common_word_is_counted_everywhere_and_scored_where_it_can_rank(bool excludeTaal, int keep)
    {
        var searcher = new IndexSearcher(_reader);
        var everyHit = TopScoreDocCollector.Create(keep, docsScoredInOrder: false);
        searcher.Search(Gesprek(excludeTaal), everyHit);
        var ranking = new Ranking(keep);
        var body = new CountingTermQuery(new Term("body", "gesprek"));
        searcher.Search(Gesprek(excludeTaal, body), ranking);

        Assert.Equal(everyHit.TotalHits, ranking.Counted);
        Assert.Equal(excludeTaal ? everyHit.TotalHits : 2_999, ranking.Counted);
        Assert.Equal(everyHit.GetTopDocs().ScoreDocs.Select(d => (d.Doc, d.Score)), ranking.Best());
        // Scoring every hit scores the body of each; skipping scores about the title hits' bodies (59 of 2,999).
        Assert.True(body.Scored < 150, $"{body.Scored} bodies of {ranking.Counted} hits scored");
        Assert.True(ranking.Offered.Count <= body.Scored);
    }

    private static readonly string[] Vocabulary = ["gesprek", "werk", "taal", "school", "stage", "klantmanager", "de", "het"];

    [Theory]
    [InlineData("werk taal")]
    [InlineData("werk taal school")]
    [InlineData("de het werk gesprek")]
    [InlineData("werk taal -stage")]
    [InlineData("zeldzaam werk")]
    [InlineData("de zeldzaam het")]
    [InlineData("wer* taal")]
    [InlineData("s* werk -zeldzaam")]
    [InlineData("taal k* het")]
    public void Words_that_must_all_occur_score_as_Lucene_scores_them(string text) => ScoresAsLucene(AllOf(text));

    [Theory]
    [InlineData("werk", "stage")]
    [InlineData("werk", "stage", "school")]
    [InlineData("gesprek", "de")]
    public void A_word_and_its_synonyms_score_as_Lucene_scores_them(params string[] words)
    {
        // The word typed and each glossary synonym: optional clauses of alternatives, coordination on.
        var query = new WindowedBooleanQuery();
        foreach (var word in words) query.Add(Word(word), Occur.SHOULD);
        ScoresAsLucene(query);
    }

    /// <summary>A rare word beside common ones: the skipping scorer jumps the common words' postings from one
    /// document holding all of them to the next, and still ranks and counts as scoring every hit does.</summary>
    [Theory]
    [InlineData("zeldzaam werk")]
    [InlineData("werk zeldzaam taal")]
    [InlineData("s* zeldzaam")]
    public void Words_that_must_all_occur_rank_the_best_hits_as_scoring_every_hit(string text)
    {
        using var directory = WordsIndex();
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var everyHit = TopScoreDocCollector.Create(10, docsScoredInOrder: false);
        searcher.Search(AllOf(text), everyHit);
        var ranking = new Ranking(10);
        searcher.Search(AllOf(text), ranking);

        Assert.InRange(everyHit.TotalHits, 40, 1_000);
        Assert.Equal(everyHit.TotalHits, ranking.Counted);
        Assert.Equal(everyHit.GetTopDocs().ScoreDocs.Select(d => (d.Doc, d.Score)), ranking.Best());
    }

    private static WindowedBooleanQuery AllOf(string text)
    {
        var query = new WindowedBooleanQuery();
        foreach (var word in text.Split(' '))
        {
            var excluded = word.StartsWith('-');
            var term = word.TrimStart('-');
            query.Add(term.EndsWith('*') ? Prefix(term.TrimEnd('*')) : Word(term), excluded ? Occur.MUST_NOT : Occur.MUST);
        }
        return query;
    }

    /// <summary>As the portal builds a word: its fields scored as the best plus a share of the others, and the title as written, boosted.</summary>
    private static WindowedBooleanQuery Word(string term) => new(disableCoord: true)
    {
        { new BestFieldQuery(0.1f) { new TermQuery(new Term("title", term)), new TermQuery(new Term("body", term)) }, Occur.SHOULD },
        { new TermQuery(new Term("title", term)) { Boost = 1.5f }, Occur.SHOULD },
    };

    /// <summary>As the portal builds a prefix: as written in the title, boosted, and in its fields, each a constant score
    /// of remembered documents; coordinated, so a document with the prefix in both counts fully and in one by half.</summary>
    private static WindowedBooleanQuery Prefix(string prefix)
    {
        PrefixQuery Beginning(string field) => new(new Term(field, prefix)) { MultiTermRewriteMethod = RememberedDocuments.Instance };
        var exact = Beginning("title");
        exact.Boost = 1.5f;
        return new WindowedBooleanQuery
        {
            { exact, Occur.SHOULD },
            { new BestFieldQuery(0.1f) { Beginning("title"), Beginning("body") }, Occur.SHOULD },
        };
    }

    /// <summary>3,000 documents of the vocabulary's words at random, and "zeldzaam" in about one body of twenty.</summary>
    private static RAMDirectory WordsIndex()
    {
        var directory = new RAMDirectory();
        var random = new Random(11);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)));
        for (var i = 0; i < 3_000; i++)
        {
            string Words(int most) => string.Join(' ', Enumerable.Range(0, random.Next(1, most)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
            var body = Words(60) + (random.Next(20) == 0 ? " zeldzaam" : "");
            writer.AddDocument([new TextField("title", Words(4), Field.Store.NO), new TextField("body", body, Field.Store.NO)]);
        }
        return directory;
    }

    private static void ScoresAsLucene(Query query)
    {
        using var directory = WordsIndex();
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        // What the portal scores every hit with (Lucene's scorers, or the windowed one that adds up as Lucene's bucket scorer does).
        var lucene = new EveryHit();
        searcher.Search(query, lucene);
        var skipping = new Ranking(int.MaxValue);
        searcher.Search(query, skipping);

        Assert.True(lucene.Scores.Count > 20, $"{lucene.Scores.Count} hits");
        Assert.Equal(lucene.Scores.Count, skipping.Counted);
        Assert.Equal(lucene.Scores.Keys.Order(), skipping.Offered.Keys.Order());
        foreach (var (doc, score) in lucene.Scores)
            Assert.True(BitConverter.SingleToInt32Bits(score) == BitConverter.SingleToInt32Bits(skipping.Offered[doc]), $"document {doc}: {score:R} against {skipping.Offered[doc]:R}");
    }

    /// <summary>Records every hit's score, in any order, as a collector that does not rank: every hit is scored.</summary>
    private sealed class EveryHit : ICollector
    {
        private Scorer? _scorer;
        private int _docBase;

        public Dictionary<int, float> Scores { get; } = [];
        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;
        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;
        public void Collect(int doc) => Scores.Add(_docBase + doc, _scorer!.GetScore());
    }

    /// <summary>A word whose scores are counted: how many of its documents a search scored.</summary>
    private sealed class CountingTermQuery(Term term) : TermQuery(term)
    {
        public int Scored;

        public override Weight CreateWeight(IndexSearcher searcher) => new CountingWeight(this, base.CreateWeight(searcher));

        private sealed class CountingWeight(CountingTermQuery query, Weight weight) : Weight
        {
            public override Query Query => query;
            public override float GetValueForNormalization() => weight.GetValueForNormalization();
            public override void Normalize(float norm, float topLevelBoost) => weight.Normalize(norm, topLevelBoost);
            public override Explanation Explain(AtomicReaderContext context, int doc) => weight.Explain(context, doc);
            public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs) =>
                weight.GetScorer(context, acceptDocs) is { } scorer ? new CountingScorer(this, scorer, query) : null;
        }

        private sealed class CountingScorer(Weight weight, Scorer scorer, CountingTermQuery query) : Scorer(weight)
        {
            public override float GetScore()
            {
                query.Scored++;
                return scorer.GetScore();
            }

            public override int Freq => scorer.Freq;
            public override int DocID => scorer.DocID;
            public override int NextDoc() => scorer.NextDoc();
            public override int Advance(int target) => scorer.Advance(target);
            public override long GetCost() => scorer.GetCost();
        }
    }

    /// <summary>Counts every hit and keeps the best, ties in document order, as Lucene's top-score collector does
    /// (keeping int.MaxValue, its threshold never rises: every hit is offered).</summary>
    private sealed class Ranking(int keep) : IRankingCollector
    {
        private readonly List<(int Doc, float Score)> _best = [];
        private int _docBase;

        public int Counted { get; private set; }
        /// <summary>Every hit offered to the ranking, with its score.</summary>
        public Dictionary<int, float> Offered { get; } = [];

        public float Threshold => _best.Count < keep ? float.NegativeInfinity : _best.Min(h => h.Score);

        public void CountAll(long[] hits, int maxDoc, IBits? live)
        {
            for (var doc = 0; doc < maxDoc; doc++)
            {
                if ((hits[doc >> 6] & (1L << doc)) != 0 && (live is null || live.Get(doc))) Counted++;
            }
        }

        public void Rank(int doc, float score)
        {
            Offered.Add(_docBase + doc, score);
            if (keep == int.MaxValue) return;
            _best.Add((_docBase + doc, score));
            var ordered = Best().ToList();
            _best.Clear();
            _best.AddRange(ordered);
        }

        public IEnumerable<(int Doc, float Score)> Best() => _best.OrderByDescending(h => h.Score).ThenBy(h => h.Doc).Take(keep);

        public void SetScorer(Scorer scorer) { }
        public void Collect(int doc) => throw new InvalidOperationException("A ranking collector's hits are counted and ranked apart.");
        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;
        public bool AcceptsDocsOutOfOrder => true;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
