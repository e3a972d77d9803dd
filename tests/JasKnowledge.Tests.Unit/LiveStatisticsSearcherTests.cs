using JasKnowledge.Data.Search;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace JasKnowledge.Tests.Unit;

/// <summary>An index that replaced documents scores like one built from the same documents at once:
/// what a long-running node and a restored or new node answer must be ranked alike.</summary>
public sealed class LiveStatisticsSearcherTests
{
    private static readonly string[] Final =
    [
        "Het gesprek over werk en de klantmanager",
        "Een film over het gesprek en de Participatieverklaring",
        "De zorgverzekering en het eigen risico",
        "Werk zoeken met een stage",
    ];

    private static Document Page(int id, string text) =>
    [
        new StringField("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
        new TextField(SearchFields.Body, text, Field.Store.NO),
    ];

    /// <summary>The final documents, written once, or after every document was replaced a few times
    /// (the replaced versions stay in their segments as deletions: merging is switched off).</summary>
    private static Lucene.Net.Store.Directory Index(bool withHistory)
    {
        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.For("nl")) { MergePolicy = NoMergePolicy.NO_COMPOUND_FILES };
        using var writer = new IndexWriter(directory, config);
        var last = Final.Length - 1;
        if (withHistory)
        {
            // The last page is written once, in the first segment, so that segment is kept with its
            // replaced versions marked deleted (a segment of deleted documents only is dropped).
            writer.AddDocument(Page(last, Final[last]));
            for (var round = 0; round < 3; round++)
            {
                for (var id = 0; id < last; id++) writer.UpdateDocument(new Term("id", $"{id}"), Page(id, $"Oude versie {round}: gesprek {Final[id]}"));
                writer.Commit();
            }
        }
        for (var id = 0; id < Final.Length; id++)
        {
            if (!withHistory || id < last) writer.UpdateDocument(new Term("id", $"{id}"), Page(id, Final[id]));
        }
        writer.Commit();
        return directory;
    }

    private static Dictionary<string, float> Scores(IndexSearcher searcher, string word)
    {
        var query = new TermQuery(new Term(SearchFields.Body, word));
        return searcher.Search(query, 10).ScoreDocs.ToDictionary(hit => searcher.Doc(hit.Doc).Get("id"), hit => hit.Score);
    }

    [Theory]
    [InlineData("gesprek")]
    [InlineData("werk")]
    public void Scores_after_a_history_of_replacements_equal_those_of_a_fresh_index(string word)
    {
        using var fresh = DirectoryReader.Open(Index(withHistory: false));
        using var replaced = DirectoryReader.Open(Index(withHistory: true));
        Assert.True(replaced.HasDeletions);

        var expected = Scores(new LiveStatisticsSearcher(fresh), word);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Scores(new LiveStatisticsSearcher(replaced), word));
        // Lucene's own statistics still count the replaced versions: the scores drift.
        Assert.NotEqual(expected, Scores(new IndexSearcher(replaced), word));
    }
}
