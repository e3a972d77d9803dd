using JasKnowledge.Data.Search;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace JasKnowledge.Tests.Unit;

/// <summary>The search's own boolean query scores every hit exactly as Lucene's does: same documents,
/// same scores to the last bit, over several segments and more documents than one window holds.</summary>
public sealed class WindowedBooleanQueryTests : IDisposable
{
    private static readonly string[] Words = ["gesprek", "werk", "taal", "stage", "buddy", "klant", "school", "zorg"];
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;

    public WindowedBooleanQueryTests()
    {
        var random = new Random(24);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)) { MergePolicy = NoMergePolicy.COMPOUND_FILES };
        using (var writer = new IndexWriter(_directory, config))
        {
            // Three segments of 2,500: each spans two windows of 2,048 documents.
            for (var segment = 0; segment < 3; segment++)
            {
                for (var i = 0; i < 2_500; i++)
                {
                    var document = new Document();
                    foreach (var field in new[] { "title", "body" })
                        document.Add(new TextField(field, string.Join(' ', Enumerable.Range(0, random.Next(0, field == "title" ? 3 : 12)).Select(_ => Words[random.Next(Words.Length)])), Field.Store.NO));
                    writer.AddDocument(document);
                }
                writer.Commit();
            }
            writer.DeleteDocuments(new Term("title", "buddy"));
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
    }

    public static TheoryData<string> Queries => new()
    {
        "gesprek^8 body:gesprek",
        "gesprek^8 body:gesprek body:werk^0.3 -stage",
        "(gesprek^8 body:gesprek)^2 (taal body:taal)~ -body:zorg -title:school",
        "coord: werk taal zorg body:klant",
        "coord: werk (taal body:stage)",
        "min2: werk taal zorg body:school",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Hits_and_scores_are_Lucene_own(string written)
    {
        Assert.True(_reader.Leaves.Count >= 3);
        var searcher = new IndexSearcher(_reader);
        var lucene = Parse(written, () => new BooleanQuery(!written.StartsWith("coord:", StringComparison.Ordinal)));
        var windowed = Parse(written, () => new WindowedBooleanQuery(!written.StartsWith("coord:", StringComparison.Ordinal)));

        var expected = Top(searcher, lucene);
        var actual = Top(searcher, windowed);

        Assert.True(expected.Total > 100);
        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(expected.Hits, actual.Hits);
        // Once more: the window the thread kept is reused and must start empty.
        Assert.Equal(expected.Hits, Top(searcher, windowed).Hits);
    }

    [Fact]
    public void Scoring_stopped_short_of_a_document_resumes_where_it_stopped()
    {
        var searcher = new IndexSearcher(_reader);
        const string written = "gesprek^8 body:gesprek body:werk^0.3 -stage";
        var lucene = Stepwise(searcher, Parse(written, () => new BooleanQuery(true)));
        var windowed = Stepwise(searcher, Parse(written, () => new WindowedBooleanQuery(true)));
        Assert.True(lucene.Count > 100);
        Assert.Equal(lucene, windowed);
    }

    /// <summary>Each segment scored in steps that end inside a window, every hit once with its score.</summary>
    private static List<(int Doc, float Score)> Stepwise(IndexSearcher searcher, Query query)
    {
        var weight = searcher.CreateNormalizedWeight(query);
        var hits = new List<(int Doc, float Score)>();
        foreach (var segment in searcher.IndexReader.Leaves)
        {
            var scorer = weight.GetBulkScorer(segment, scoreDocsInOrder: false, segment.AtomicReader.LiveDocs);
            var collector = new Gathering(segment.DocBase, hits);
            for (var max = 700; scorer.Score(collector, max); max += 700) { }
        }
        return hits.OrderBy(h => h.Doc).ToList();
    }

    private sealed class Gathering(int docBase, List<(int Doc, float Score)> hits) : ICollector
    {
        private Scorer? _scorer;
        public void SetScorer(Scorer scorer) => _scorer = scorer;
        public void Collect(int doc) => hits.Add((docBase + doc, _scorer!.GetScore()));
        public void SetNextReader(AtomicReaderContext context) { }
        public bool AcceptsDocsOutOfOrder => true;
    }

    /// <summary>Every hit with its score, in the order of best first and then document number.</summary>
    private static (int Total, List<(int Doc, float Score)> Hits) Top(IndexSearcher searcher, Query query)
    {
        var collector = TopScoreDocCollector.Create(10_000, docsScoredInOrder: false);
        searcher.Search(query, collector);
        return (collector.TotalHits, collector.GetTopDocs().ScoreDocs.Select(d => (d.Doc, d.Score)).ToList());
    }

    /// <summary>A small query language for the cases: words are title terms unless prefixed with "body:",
    /// "^n" boosts, "-" excludes, parentheses nest, "min2:" asks two optional clauses to match.</summary>
    private static BooleanQuery Parse(string written, Func<BooleanQuery> make)
    {
        var position = 0;
        var text = written.Replace("coord: ", "", StringComparison.Ordinal);
        var minimum = text.StartsWith("min2: ", StringComparison.Ordinal) ? 2 : 0;
        text = text.Replace("min2: ", "", StringComparison.Ordinal);
        var query = Group(text, ref position, make);
        query.MinimumNumberShouldMatch = minimum;
        return query;
    }

    private static BooleanQuery Group(string text, ref int position, Func<BooleanQuery> make)
    {
        var group = make();
        while (position < text.Length && text[position] != ')')
        {
            if (text[position] == ' ') { position++; continue; }
            var occur = Occur.SHOULD;
            if (text[position] == '-') { occur = Occur.MUST_NOT; position++; }
            Query clause;
            if (text[position] == '(')
            {
                position++;
                clause = Group(text, ref position, make);
                position++; // ')'
            }
            else
            {
                var end = position;
                while (end < text.Length && text[end] is not (' ' or ')' or '^')) end++;
                var word = text[position..end];
                clause = word.StartsWith("body:", StringComparison.Ordinal) ? new TermQuery(new Term("body", word[5..])) : new TermQuery(new Term("title", word));
                position = end;
            }
            if (position < text.Length && text[position] == '~') position++;
            if (position < text.Length && text[position] == '^')
            {
                var end = ++position;
                while (end < text.Length && (char.IsDigit(text[end]) || text[end] == '.')) end++;
                clause.Boost = float.Parse(text[position..end], System.Globalization.CultureInfo.InvariantCulture);
                position = end;
            }
            group.Add(clause, occur);
        }
        return group;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
