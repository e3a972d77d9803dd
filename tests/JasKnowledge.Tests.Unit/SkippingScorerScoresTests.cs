using JasKnowledge.Data.Search;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace JasKnowledge.Tests.Unit;

/// <summary>The scorer that skips hits that cannot rank, on queries shaped as the portal builds them: with nothing to
/// skip (a threshold that never rises), it must find exactly Lucene's hits with exactly Lucene's scores, to the last bit.</summary>
public sealed class SkippingScorerScoresTests
{
    private static readonly string[] Vocabulary = ["gesprek", "werk", "taal", "school", "stage", "klantmanager", "de", "het"];

    [Theory]
    [InlineData("werk taal")]
    [InlineData("werk taal school")]
    [InlineData("de het werk gesprek")]
    [InlineData("werk taal -stage")]
    public void Words_that_must_all_occur_score_as_Lucene_scores_them(string text)
    {
        var query = new WindowedBooleanQuery();
        foreach (var word in text.Split(' '))
        {
            var excluded = word.StartsWith('-');
            query.Add(Word(word.TrimStart('-')), excluded ? Occur.MUST_NOT : Occur.MUST);
        }
        ScoresAsLucene(query);
    }

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

    /// <summary>As the portal builds a word: its fields scored as the best plus a share of the others, and the title as written, boosted.</summary>
    private static WindowedBooleanQuery Word(string term) => new(disableCoord: true)
    {
        { new BestFieldQuery(0.1f) { new TermQuery(new Term("title", term)), new TermQuery(new Term("body", term)) }, Occur.SHOULD },
        { new TermQuery(new Term("title", term)) { Boost = 1.5f }, Occur.SHOULD },
    };

    private static void ScoresAsLucene(Query query)
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
        // What the portal scores every hit with (Lucene's scorers, or the windowed one that adds up as Lucene's bucket scorer does).
        var lucene = new EveryHit();
        searcher.Search(query, lucene);
        var skipping = new Ranking();
        searcher.Search(query, skipping);

        Assert.True(lucene.Scores.Count > 20, $"{lucene.Scores.Count} hits");
        Assert.Equal(lucene.Scores.Count, skipping.Counted);
        Assert.Equal(lucene.Scores.Keys.Order(), skipping.Scores.Keys.Order());
        foreach (var (doc, score) in lucene.Scores)
            Assert.True(BitConverter.SingleToInt32Bits(score) == BitConverter.SingleToInt32Bits(skipping.Scores[doc]), $"document {doc}: {score:R} against {skipping.Scores[doc]:R}");
    }

    /// <summary>Records every hit's score, in any order, as a collector that does not rank: every hit is scored.</summary>
    private class EveryHit : ICollector
    {
        private Scorer? _scorer;
        protected int Base { get; private set; }

        public Dictionary<int, float> Scores { get; } = [];
        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;
        public void SetNextReader(AtomicReaderContext context) => Base = context.DocBase;
        public void Collect(int doc) => Scores.Add(Base + doc, _scorer!.GetScore());
    }

    /// <summary>Records every hit offered to a ranking collector whose lists never fill (so the skipping scorer offers every hit).</summary>
    private sealed class Ranking : EveryHit, IRankingCollector
    {
        public int Counted { get; private set; }
        public float Threshold => float.NegativeInfinity;

        public void Rank(int doc, float score) => Scores.Add(Base + doc, score);

        public void CountAll(long[] hits, int maxDoc, IBits? live)
        {
            for (var doc = 0; doc < maxDoc; doc++)
            {
                if ((hits[doc >> 6] & (1L << doc)) != 0 && (live is null || live.Get(doc))) Counted++;
            }
        }
    }
}
