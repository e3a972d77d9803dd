using JasKnowledge.Core.Search;
using JasKnowledge.Data.Search;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace JasKnowledge.Tests.Unit;

/// <summary>The memory of recent answers keeps an answer once its question comes again, stays within its
/// bound, keeps the newest, and never mixes answers of two index versions.</summary>
public sealed class SearchResultCacheTests : IDisposable
{
    private readonly RAMDirectory _directory = new();

    private DirectoryReader NewReader()
    {
        // Each reader sees one more commit, as each applied change from the outbox makes one.
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new KeywordAnalyzer())))
        {
            writer.AddDocument([new Lucene.Net.Documents.StringField("source", Guid.NewGuid().ToString(), Lucene.Net.Documents.Field.Store.NO)]);
            writer.Commit();
        }
        return DirectoryReader.Open(_directory);
    }

    private static SearchRequest Ask(string text, int page = 1) => new(SearchQuery.Parse(text), null, null, page);

    private static SearchResults Answer(int total) => new(total, [], [], [], [], null);

    /// <summary>A question asked twice: the second asking's answer is the one kept.</summary>
    private static void AskTwice(SearchResultCache cache, IndexReader reader, string word, Func<SearchResults> compute)
    {
        cache.GetOrAdd(reader, Ask(word), compute);
        cache.GetOrAdd(reader, Ask(word), compute);
    }

    [Fact]
    public void A_question_asked_once_is_answered_but_its_answer_is_kept_only_when_it_comes_again()
    {
        using var reader = NewReader();
        var cache = new SearchResultCache();
        var computed = 0;
        SearchResults Compute() => Answer(++computed);

        Assert.Equal(1, cache.GetOrAdd(reader, Ask("werk"), Compute).Total);
        Assert.Equal(2, cache.GetOrAdd(reader, Ask("werk"), Compute).Total);
        Assert.Equal(2, cache.GetOrAdd(reader, Ask("werk"), Compute).Total);
        Assert.Equal(2, cache.GetOrAdd(reader, Ask("werk"), Compute).Total);
        Assert.Equal(2, computed);
    }

    [Fact]
    public void Thousands_of_one_off_questions_do_not_displace_a_kept_answer()
    {
        using var reader = NewReader();
        var cache = new SearchResultCache(capacity: 4);
        var computed = 0;
        SearchResults Compute() => Answer(++computed);

        AskTwice(cache, reader, "zorgverzekering", Compute);
        for (var i = 0; i < 10_000; i++) cache.GetOrAdd(reader, Ask($"gesprek -nergens{i}"), Compute);
        Assert.Equal(10_002, computed);
        Assert.Equal(2, cache.GetOrAdd(reader, Ask("zorgverzekering"), Compute).Total);
        Assert.Equal(10_002, computed);
    }

    [Fact]
    public void When_full_the_oldest_half_is_forgotten_and_the_newest_answers_stay()
    {
        using var reader = NewReader();
        var cache = new SearchResultCache(capacity: 4);
        var computed = 0;
        SearchResults Compute() => Answer(++computed);

        foreach (var word in new[] { "een", "twee", "drie", "vier", "vijf" }) AskTwice(cache, reader, word, Compute);
        Assert.Equal(10, computed);
        // "vijf" came in after the trim that kept "drie" and "vier".
        foreach (var word in new[] { "drie", "vier", "vijf" }) cache.GetOrAdd(reader, Ask(word), Compute);
        Assert.Equal(10, computed);
        // "een" was asked before on this version: computed once more, and kept again.
        cache.GetOrAdd(reader, Ask("een"), Compute);
        cache.GetOrAdd(reader, Ask("een"), Compute);
        Assert.Equal(11, computed);
    }

    [Fact]
    public void After_a_trim_the_cache_fills_up_to_its_capacity_again()
    {
        using var reader = NewReader();
        var cache = new SearchResultCache(capacity: 4);
        var computed = 0;
        SearchResults Compute() => Answer(++computed);

        foreach (var word in new[] { "een", "twee", "drie", "vier", "vijf", "zes" }) AskTwice(cache, reader, word, Compute);
        // The trim before "vijf" kept "drie" and "vier"; "vijf" and "zes" fill it to four again (the cache
        // counts its answers itself: a count that missed the trim would trim again before "zes").
        foreach (var word in new[] { "drie", "vier", "vijf", "zes" }) cache.GetOrAdd(reader, Ask(word), Compute);
        Assert.Equal(12, computed);
    }

    [Fact]
    public void An_answer_on_one_reader_is_not_served_on_another_nor_on_another_page()
    {
        using var older = NewReader();
        using var newer = NewReader();
        var cache = new SearchResultCache();
        var computed = 0;
        SearchResults Compute() => Answer(++computed);

        SearchResults Twice(IndexReader reader, SearchRequest request)
        {
            cache.GetOrAdd(reader, request, Compute);
            return cache.GetOrAdd(reader, request, Compute);
        }

        Assert.Equal(2, Twice(older, Ask("werk")).Total);
        Assert.Equal(2, cache.GetOrAdd(older, Ask("werk"), Compute).Total);
        Assert.Equal(4, Twice(older, Ask("werk", page: 2)).Total);
        // The newer version has not seen the question: asked twice there before its answer is kept.
        Assert.Equal(6, Twice(newer, Ask("werk")).Total);
        Assert.Equal(6, cache.GetOrAdd(newer, Ask("werk"), Compute).Total);
        // A search that still holds the older reader is computed, and does not displace the newer answers.
        Assert.Equal(7, cache.GetOrAdd(older, Ask("werk"), Compute).Total);
        Assert.Equal(6, cache.GetOrAdd(newer, Ask("werk"), Compute).Total);
    }

    public void Dispose() => _directory.Dispose();
}
