using System.Collections.Concurrent;
using JasKnowledge.Core.Search;
using JasKnowledge.Data.Search;
using Lucene.Net.Index;
using Microsoft.Extensions.Logging.Abstractions;

namespace JasKnowledge.Tests.Unit;

/// <summary>A segment's word lists are lent to one search at a time and reused after it: searches running
/// at once never share one, and a reused list answers as a new one would.</summary>
public sealed class SegmentWordListsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"jas-words-{Guid.NewGuid():N}");

    private async Task<DirectoryReader> IndexAsync()
    {
        var titles = new[] { "Het gesprek", "Participatieverklaring", "Werk en taal", "Vrijwilligerswerk", "Zorgverzekering", "робота", "Stage bij een werkgever" };
        using (var index = LuceneSearchIndex.OpenFolder(_folder, NullLogger.Instance))
        {
            // One batch per title: several segments.
            for (var i = 0; i < titles.Length; i++)
            {
                var source = Guid.NewGuid();
                var culture = titles[i] == "робота" ? "uk" : "nl";
                await index.ApplyAsync([new SearchChange(i + 1, source, new SearchDocument(source, "page", culture, $"pages/{i}", $"p{i}", titles[i], "", "Over " + titles[i]))]);
            }
        }
        return DirectoryReader.Open(LuceneSearchIndex.Directory(_folder));
    }

    [Fact]
    public async Task A_list_is_lent_to_one_search_at_a_time_and_lent_again_when_given_back()
    {
        using var reader = await IndexAsync();
        var segment = reader.Leaves[0].AtomicReader;
        var lists = SegmentWordLists.Of(segment);

        var first = lists.Lend(segment, SearchFields.Title);
        var second = lists.Lend(segment, SearchFields.Title);
        Assert.NotNull(first);
        Assert.NotSame(first, second);
        lists.TakeBack(SearchFields.Title, first!);
        Assert.Same(first, lists.Lend(segment, SearchFields.Title));
        Assert.Null(lists.Lend(segment, "no such field"));
    }

    [Fact]
    public async Task No_more_lists_wait_than_the_bound()
    {
        using var reader = await IndexAsync();
        var segment = reader.Leaves[0].AtomicReader;
        var lists = SegmentWordLists.Of(segment);
        var burst = Enumerable.Range(0, SegmentWordLists.MaxIdle + 8).Select(_ => lists.Lend(segment, SearchFields.Title)!).ToList();
        foreach (var words in burst) lists.TakeBack(SearchFields.Title, words);

        // The first lists given back wait; those past the bound are dropped, and a further list is new.
        var lent = Enumerable.Range(0, SegmentWordLists.MaxIdle + 1).Select(_ => lists.Lend(segment, SearchFields.Title)!).ToList();
        Assert.Equal(SegmentWordLists.MaxIdle, lent.Count(burst.Contains));
        Assert.DoesNotContain(lent[^1], burst);
    }

    [Fact]
    public async Task Threads_lending_and_giving_back_at_once_never_hold_the_same_list()
    {
        using var reader = await IndexAsync();
        var segment = reader.Leaves[0].AtomicReader;
        var lists = SegmentWordLists.Of(segment);
        var inUse = new ConcurrentDictionary<TermsEnum, bool>(ReferenceEqualityComparer.Instance);
        var shared = 0;
        var made = new ConcurrentDictionary<TermsEnum, bool>(ReferenceEqualityComparer.Instance);
        Parallel.For(0, 50_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            var words = lists.Lend(segment, SearchFields.Title)!;
            made.TryAdd(words, true);
            if (!inUse.TryAdd(words, true)) Interlocked.Increment(ref shared);
            Thread.SpinWait(50);
            inUse.TryRemove(words, out var _);
            lists.TakeBack(SearchFields.Title, words);
        });
        Assert.Equal(0, shared);
        // Lists were reused: far fewer made than lent.
        Assert.InRange(made.Count, 1, 1_000);
    }

    [Fact]
    public async Task Searches_at_once_on_reused_lists_answer_as_one_search_alone()
    {
        using var reader = await IndexAsync();
        Assert.True(reader.Leaves.Count > 3);
        var searcher = new LiveStatisticsSearcher(reader);
        string[] queries = ["gesprek", "verklaring", "werk", "vrijwilligerswerk", "робота", "stage -werk", "gesprk", "zorg*", "\"het gesprek\""];
        string Answer(string q)
        {
            var results = LuceneSearch.Run(searcher, new SearchRequest(SearchQuery.Parse(q), null, null));
            return $"{results.Total} {string.Join(',', results.Hits.Select(h => h.Document.Slug))} {results.Suggestion}";
        }
        var alone = queries.ToDictionary(q => q, Answer);
        Assert.Contains(alone.Values, a => a.StartsWith("2 ", StringComparison.Ordinal));

        var wrong = 0;
        Parallel.For(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var q = queries[i % queries.Length];
            if (Answer(q) != alone[q]) Interlocked.Increment(ref wrong);
        });
        Assert.Equal(0, wrong);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
