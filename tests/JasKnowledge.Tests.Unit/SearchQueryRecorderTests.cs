using JasKnowledge.Core.Search;
using JasKnowledge.Data.Search;
using JasKnowledge.Web.Features.Search;

namespace JasKnowledge.Tests.Unit;

/// <summary>What /beheer/zoekvragen may keep of a search, and how a node counts until its flush.</summary>
public sealed class SearchQueryRecorderTests
{
    [Theory]
    [InlineData("Zorgverzekering", "zorgverzekering")]
    [InlineData("  klantmanager \t  werk ", "klantmanager werk")]
    [InlineData("klantmanager  werk", "klantmanager werk")]
    [InlineData("klantmanager\u00a0werk", "klantmanager werk")]
    [InlineData("klantmanager\twerk", "klantmanager werk")]
    [InlineData("werk ", "werk")]
    [InlineData("\"het gesprek\" -stage", "\"het gesprek\" -stage")]
    [InlineData("ስራሕ ምድላይ", "ስራሕ ምድላይ")]
    [InlineData("الضمان الصحي", "الضمان الصحي")]
    [InlineData("ЗАРПЛАТА", "зарплата")]
    [InlineData("postcode 2311 ab", "postcode 2311 ab")]           // four digits: a postcode, a year, a house number
    [InlineData("sessie 3 en 4", "sessie 3 en 4")]
    [InlineData("1234 de", "1234 de")]
    [InlineData("z.s.m. o.a. werk", "z.s.m. o.a. werk")]            // abbreviations are no host names
    [InlineData("می\u200Cخواهم کار", "می\u200Cخواهم کار")]          // the Persian zero-width non-joiner stays
    public void Kept_text_is_the_query_with_its_spaces_collapsed_and_in_lower_case(string typed, string kept) =>
        Assert.Equal(kept, SearchQueryRecorder.Recordable(typed));

    [Theory]
    [InlineData("bsn 123456789")]
    [InlineData("06-12345678")]
    [InlineData("bel 06 12 34 56 78")]
    [InlineData("klantnummer 12.345")]
    [InlineData("NL91ABNA0417164300")]
    [InlineData("٠٦١٢٣٤٥٦٧٨")]                                       // Arabic-Indic digits
    [InlineData("۱۲۳۴۵")]                                            // Persian digits
    [InlineData("jan.jansen@example.nl")]
    [InlineData("https://example.nl/iets")]
    [InlineData("www.example.nl")]
    // Found by the attack of 6 December 2026: each of these was stored.
    [InlineData("pii voorbeeld.nl/pad")]
    [InlineData("pii jan(at)voorbeeld")]
    [InlineData("pii jan[at]voorbeeld")]
    [InlineData("pii jan%40voorbeeld")]
    [InlineData("pii jan＠voorbeeld")]                               // a full-width at sign
    [InlineData("pii 𝟏𝟐𝟑𝟒𝟓𝟔")]                                     // mathematical digits
    [InlineData("pii １２３４５")]                                    // full-width digits
    public void Text_that_may_hold_personal_data_is_not_kept(string typed) => Assert.Null(SearchQueryRecorder.Recordable(typed));

    [Theory]
    [InlineData("nul\u0000test")]   // PostgreSQL's text cannot hold it: the minute's whole flush would fail
    [InlineData("bel\u0007")]
    [InlineData("pii\u202Egnp.exe")]   // a direction override turns the text around in the editors' list
    public void Text_the_database_cannot_hold_is_not_kept(string typed) => Assert.Null(SearchQueryRecorder.Recordable(typed));

    [Fact]
    public void Half_a_surrogate_pair_is_not_kept_and_a_whole_one_is()
    {
        // Built in code: test data in attributes would turn a lone surrogate into U+FFFD on its way.
        Assert.Null(SearchQueryRecorder.Recordable(new string(['h', 'a', 'l', 'f', '\ud800'])));
        Assert.Null(SearchQueryRecorder.Recordable(new string(['\udc00', 'x'])));
        Assert.Equal("𝔊 gesprek", SearchQueryRecorder.Recordable("𝔊 Gesprek"));
    }

    [Fact]
    public void Text_longer_than_the_limit_is_not_kept()
    {
        Assert.NotNull(SearchQueryRecorder.Recordable(new string('a', SearchQueryRecorder.MaxLength)));
        Assert.Null(SearchQueryRecorder.Recordable(new string('a', SearchQueryRecorder.MaxLength + 1)));
        Assert.True(SearchQueryRecorder.MaxLength <= SearchQueryLog.MaxQueryLength);
    }

    [Fact]
    public void Searches_are_counted_per_language_and_query_and_a_drain_starts_again()
    {
        var recorder = new SearchQueryRecorder();
        recorder.Record(SearchQuery.Parse("Koffie"), "nl", foundNothing: false);
        recorder.Record(SearchQuery.Parse("koffie "), "nl", foundNothing: false);
        recorder.Record(SearchQuery.Parse("koffie"), "en", foundNothing: true);
        recorder.Record(SearchQuery.Parse("bsn 123456789"), "nl", foundNothing: true);
        recorder.Record(SearchQuery.Parse("zeppelin"), null, foundNothing: true);
        recorder.Record(SearchQuery.Parse("-alleen"), "nl", foundNothing: true);       // nothing asked: not a search
        recorder.Record(SearchQuery.Parse("   "), "nl", foundNothing: true);
        Assert.Equal(
            [new("", "zeppelin", 1, 1), new("en", "koffie", 1, 1), new("nl", "", 1, 1), new("nl", "koffie", 2, 0)],
            Sorted(recorder.Drain()));
        Assert.Empty(recorder.Drain());
    }

    [Fact]
    public void New_queries_beyond_the_limit_between_two_flushes_are_counted_but_not_kept()
    {
        var recorder = new SearchQueryRecorder();
        for (var i = 0; i < SearchQueryRecorder.MaxDistinct + 50; i++) recorder.Record(SearchQuery.Parse($"woord{i}x"), "nl", foundNothing: true);
        recorder.Record(SearchQuery.Parse("woord0x"), "nl", foundNothing: false);         // known before the limit: still its own
        var tallies = recorder.Drain();
        Assert.Equal(SearchQueryRecorder.MaxDistinct + 1, tallies.Count);
        Assert.Equal(new SearchQueryTally("nl", SearchQueryLog.NotKept, 50, 50), tallies.Single(t => t.Query == SearchQueryLog.NotKept));
        Assert.Equal(new SearchQueryTally("nl", "woord0x", 2, 1), tallies.Single(t => t.Query == "woord0x"));
        Assert.Equal(SearchQueryRecorder.MaxDistinct + 51, tallies.Sum(t => t.Searches));
    }

    [Fact]
    public void Tallies_given_back_after_a_failed_flush_join_what_was_counted_since()
    {
        var recorder = new SearchQueryRecorder();
        recorder.Record(SearchQuery.Parse("koffie"), "nl", foundNothing: false);
        var failed = recorder.Drain();
        recorder.Record(SearchQuery.Parse("koffie"), "nl", foundNothing: true);
        recorder.Restore(failed);
        Assert.Equal([new("nl", "koffie", 2, 1)], recorder.Drain());
    }

    [Fact]
    public void Threads_counting_at_once_lose_nothing()
    {
        var recorder = new SearchQueryRecorder();
        var drained = new System.Collections.Concurrent.ConcurrentBag<SearchQueryTally>();
        Parallel.For(0, 8, thread =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                recorder.Record(SearchQuery.Parse($"vraag{i % 7}"), "nl", foundNothing: i % 2 == 0);
                if (thread == 0 && i % 500 == 0) foreach (var tally in recorder.Drain()) drained.Add(tally);
            }
        });
        foreach (var tally in recorder.Drain()) drained.Add(tally);
        Assert.Equal(40_000, drained.Sum(t => t.Searches));
        Assert.Equal(20_000, drained.Sum(t => t.WithoutResults));
    }

    private static List<SearchQueryTally> Sorted(IEnumerable<SearchQueryTally> tallies) =>
        tallies.OrderBy(t => t.Culture, StringComparer.Ordinal).ThenBy(t => t.Query, StringComparer.Ordinal).ToList();
}
