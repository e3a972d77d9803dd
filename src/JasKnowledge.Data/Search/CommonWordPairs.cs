using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Fa;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace JasKnowledge.Data.Search;

/// <summary>
/// The pairs of neighbouring stems in which one is a common word (`het_gesprek`), as a pair field holds
/// them (<see cref="SearchFields.PairsOf"/>) and as a phrase asks for them (<see cref="PairedPhraseQuery"/>):
/// Lucene's common grams, without the single words. Lucene's own filter (CommonGramsFilter, then a type
/// filter to drop the single words) took two and a half times as long as the stemming before it, because
/// it copies every attribute of the token before each pair; this one only writes the pair.
/// </summary>
public static class CommonWordPairs
{
    /// <summary>Lucene's common-grams filter joins a pair so.</summary>
    private const char Separator = '_';

    /// <summary>The stop words Lucene lists for Dutch, English, Arabic and Persian, as the stemmed fields hold
    /// them. One set for every language, so that languages that analyse a phrase alike also pair it alike,
    /// and a query they share finds the same pairs in each.</summary>
    private static readonly CharArraySet CommonWords = MakeCommonWords();

    private static CharArraySet MakeCommonWords()
    {
        var common = new CharArraySet(SearchAnalyzers.Version, 512, ignoreCase: false);
        foreach (var (language, stopWords) in new[]
        {
            ("nl", DutchAnalyzer.DefaultStopSet), ("en", EnglishAnalyzer.DefaultStopSet),
            ("ar", ArabicAnalyzer.DefaultStopSet), ("fa", PersianAnalyzer.DefaultStopSet),
        })
        {
            foreach (var word in stopWords)
            {
                using var stream = SearchAnalyzers.For(language).GetTokenStream(SearchFields.Body, word);
                var term = stream.AddAttribute<ICharTermAttribute>();
                stream.Reset();
                while (stream.IncrementToken()) common.Add(term.ToString());
                stream.End();
            }
        }
        return common.AsReadOnly();
    }

    /// <summary>The pairs of a phrase's stems (empty when none of its words is common).</summary>
    public static List<string> Of(IReadOnlyList<string> stems)
    {
        var pairs = new List<string>();
        for (var i = 0; i + 1 < stems.Count; i++)
        {
            if (CommonWords.Contains(stems[i]) || CommonWords.Contains(stems[i + 1])) pairs.Add(stems[i] + Separator + stems[i + 1]);
        }
        return pairs;
    }

    /// <summary>The pairs of a stream of stems, one token each.</summary>
    public static TokenStream Filter(TokenStream stems) => new PairsFilter(stems);

    private sealed class PairsFilter : TokenFilter
    {
        private readonly ICharTermAttribute _term;
        private char[] _previous = new char[32];
        private int _previousLength = -1;
        private bool _previousCommon;
        private char[] _pair = new char[64];

        public PairsFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

        public override bool IncrementToken()
        {
            while (m_input.IncrementToken())
            {
                var length = _term.Length;
                var common = CommonWords.Contains(_term.Buffer, 0, length);
                var paired = _previousLength >= 0 && (common || _previousCommon);
                var total = _previousLength + 1 + length;
                if (paired)
                {
                    if (_pair.Length < total) _pair = new char[total * 2];
                    Array.Copy(_previous, _pair, _previousLength);
                    _pair[_previousLength] = Separator;
                    Array.Copy(_term.Buffer, 0, _pair, _previousLength + 1, length);
                }
                if (_previous.Length < length) _previous = new char[length * 2];
                Array.Copy(_term.Buffer, _previous, length);
                _previousLength = length;
                _previousCommon = common;
                if (!paired) continue;
                _term.CopyBuffer(_pair, 0, total);
                return true;
            }
            return false;
        }

        public override void Reset()
        {
            base.Reset();
            _previousLength = -1;
            _previousCommon = false;
        }
    }
}
