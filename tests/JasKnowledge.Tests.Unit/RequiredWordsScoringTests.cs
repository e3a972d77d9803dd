using JasKnowledge.Data.Search;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace JasKnowledge.Tests.Unit;

/// <summary>Words that must all occur, scored by the scorer that skips hits that cannot rank: with nothing to skip
/// (a threshold that never rises), it must find exactly Lucene's hits with exactly Lucene's scores, to the last bit.</summary>
public sealed class RequiredWordsScoringTests
{
    private static readonly string[] Vocabulary = ["gesprek", "werk", "taal", "school", "stage", "klantmanager", "de", "het"];

    [Theory]
    [InlineData("werk taal")]
    [InlineData("werk taal school")]
    [InlineData("de het werk gesprek")]
    [InlineData("werk taal -stage")]
    public void Every_hit_and_its_score_are_Lucene_own(string text)
    {
        using var directory = new RAMDirectory();
        var random = new Random(11);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))))
        {
            for (var i = 0; i < 3_000; i++)
            {
                string Words(int most) => string.Join(' ', Enumerable.Range(0, random.Next(1, most)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
                writer.AddDocument([new TextField("title", Words(4), Field.Store.NO), new TextField("body", Words(60), Field.Store.NO)]);
            }
        }
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var query = new WindowedBooleanQuery();
        foreach (var word in text.Split(' '))
        {
            var excluded = word.StartsWith('-');
            var term = word.TrimStart('-');
            // As the portal builds a word: its fields scored as the best plus a share of the others, and the title as written, boosted.
            var fields = new BestFieldQuery(0.1f) { new TermQuery(new Term("title", term)), new TermQuery(new Term("body", term)) };
            var alternatives = new WindowedBooleanQuery(disableCoord: true)
            {
                { fields, Occur.SHOULD },
                { new TermQuery(new Term("title", term)) { Boost = 1.5f }, Occur.SHOULD },
            };
            query.Add(alternatives, excluded ? Occur.MUST_NOT : Occur.MUST);
        }

        var lucene = new Recorder(inOrder: true);
        searcher.Search(query, lucene);
        var skipping = new Recorder(inOrder: false);
        searcher.Search(query, skipping);

        Assert.True(lucene.Scores.Count > 20, $"{lucene.Scores.Count} hits");
        Assert.Equal(lucene.Scores.Count, skipping.Counted);
        Assert.Equal(lucene.Scores.Keys.Order(), skipping.Scores.Keys.Order());
        foreach (var (doc, score) in lucene.Scores)
            Assert.True(BitConverter.SingleToInt32Bits(score) == BitConverter.SingleToInt32Bits(skipping.Scores[doc]), $"document {doc}: {score:R} against {skipping.Scores[doc]:R}");
    }

    /// <summary>Records every hit's score: in document order from Lucene's own scorers, or as a ranking collector
    /// whose lists never fill (so the skipping scorer offers every hit).</summary>
    private sealed class Recorder(bool inOrder) : IRankingCollector
    {
        private Scorer? _scorer;
        private int _base;

        public Dictionary<int, float> Scores { get; } = [];
        public int Counted { get; private set; }
        public float Threshold => float.NegativeInfinity;
        public bool AcceptsDocsOutOfOrder => !inOrder;

        public void SetScorer(Scorer scorer) => _scorer = scorer;
        public void SetNextReader(AtomicReaderContext context) => _base = context.DocBase;
        public void Collect(int doc) => Scores.Add(_base + doc, _scorer!.GetScore());
        public void Rank(int doc, float score) => Scores.Add(_base + doc, score);

        public void CountAll(long[] hits, int maxDoc, IBits? live)
        {
            for (var doc = 0; doc < maxDoc; doc++)
            {
                if ((hits[doc >> 6] & (1L << doc)) != 0 && (live is null || live.Get(doc))) Counted++;
            }
        }
    }
}
