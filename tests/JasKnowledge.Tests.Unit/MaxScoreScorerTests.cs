using JasKnowledge.Data.Search;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace JasKnowledge.Tests.Unit;

/// <summary>A search that counts apart from ranking scores only the hits that can still rank, and lists
/// the same best hits, with the same scores, as scoring every hit (the portal-level comparison over many
/// requests is in <see cref="LuceneSearchIndexTests"/>).</summary>
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
        Assert.True(ranking.Offered <= body.Scored);
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

    /// <summary>Counts every hit and keeps the best, ties in document order, as Lucene's top-score collector does.</summary>
    private sealed class Ranking(int keep) : IRankingCollector
    {
        private readonly List<(int Doc, float Score)> _best = [];
        private int _docBase;

        public int Counted { get; private set; }
        public int Offered { get; private set; }

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
            Offered++;
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
