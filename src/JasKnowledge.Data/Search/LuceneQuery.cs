using System.Text;
using JasKnowledge.Core.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Spans;

namespace JasKnowledge.Data.Search;

/// <summary>
/// Builds the Lucene query for a parsed <see cref="SearchQuery"/> in one language, or the one query that
/// languages analysing the words alike share, from the query's clauses and the language's analyzer only:
/// nothing typed ever passes through a query parser, so no input can be a syntax error. A word matches in the title, summary, body and release notes
/// (weighted in that order), with a bonus when it matches as written (exact above stemmed); a Dutch
/// word also matches as the last part of a compound, and a Ukrainian word as the beginning of a
/// longer word (no stemmer); corrected words count well below both (typo tolerance). Terms the index
/// does not hold are left out, so a clause that cannot match in this language leaves the language out.
/// </summary>
/// <param name="analysed">The search's memory of analyses, shared by its languages' builders (see <see cref="Analyze"/>).</param>
internal sealed class LuceneQuery(
    IndexWords words, string culture, SearchCorrections corrections, Dictionary<(Analyzer, string, string), string[]>? analysed = null)
{
    private const float ExactBonus = 1.5f;
    private const float CompoundWeight = 0.3f;
    private const float UkrainianPrefixWeight = 0.5f;
    private const float CorrectionWeight = 0.25f;
    /// <summary>Shortest stem matched as the last part of a compound: shorter ones end too many words.</summary>
    private const int MinCompoundPart = 4;

    private readonly Analyzer _analyzer = SearchAnalyzers.For(culture);

    /// <summary>A language whose own clauses a shared query carries, limited to its documents by a filter (null: not limited).</summary>
    public readonly record struct OwnClauses(LuceneQuery Language, Filter? Only);

    /// <summary>The query for this language, or null when an included clause cannot match in it.</summary>
    public Query? Build(SearchQuery query, bool forHighlighting = false) => Build(query, forHighlighting, [new(this, null)]);

    /// <summary>The query that languages with the same <see cref="SharedKey"/> share: the words as they all
    /// analyse them, plus each language's own clauses limited to its documents. One query reads a word's
    /// documents once; a query per language read them once for every language.</summary>
    public Query? BuildShared(SearchQuery query, IReadOnlyList<OwnClauses> languages) => Build(query, false, languages);

    /// <summary>What this language's analysis makes of every word the shared part of the query is built
    /// from (as typed, stemmed, as a phrase, and the corrections stemmed): languages with equal keys build the
    /// same query apart from their own clauses, so they can share one.</summary>
    public string SharedKey(SearchQuery query)
    {
        var key = new StringBuilder();
        foreach (var clause in query.Included.Concat(query.Excluded))
        {
            key.Append('|');
            foreach (var word in clause.Words)
                key.AppendJoin(' ', Analyze(SearchFields.Exact, word)).Append('/').AppendJoin(' ', Analyze(SearchFields.Body, word)).Append(';');
            key.AppendJoin(' ', Analyze(SearchFields.Body, string.Join(' ', clause.Words))).Append(';');
            key.AppendJoin(' ', Analyze(SearchFields.Body, string.Join(' ', clause.Words.SkipLast(1)))).Append(';');
            foreach (var correction in corrections.For(clause.Words[0])) key.AppendJoin(' ', Analyze(SearchFields.Body, correction)).Append(';');
        }
        return key.ToString();
    }

    private Query? Build(SearchQuery query, bool forHighlighting, IReadOnlyList<OwnClauses> own)
    {
        var all = new WindowedBooleanQuery();
        foreach (var clause in query.Included)
        {
            var part = Clause(clause, own, forHighlighting);
            if (part is null) return null;
            all.Add(part, Occur.MUST);
        }
        if (forHighlighting) return all;
        // One word and exclusions: the word's alternatives take the exclusions themselves. Required under a query of
        // its own, the word was scored hit by hit; as alternatives the hits that cannot rank are skipped
        // (MaxScoreScorer). The scores are the same: an only required clause adds nothing to its score.
        var target = all.Clauses is [{ Query: WindowedBooleanQuery { CoordDisabled: true, MinimumNumberShouldMatch: 0, Boost: 1f } alone }]
            && alone.Clauses.All(c => c.Occur == Occur.SHOULD) ? alone : all;
        foreach (var clause in query.Excluded)
        {
            if (Clause(clause, own: null, forHighlighting: false) is { } part) target.Add(part, Occur.MUST_NOT);
        }
        return target;
    }

    /// <param name="own">The languages whose own clauses a word gets (null: none, as for an excluded word).</param>
    private Query? Clause(SearchClause clause, IReadOnlyList<OwnClauses>? own, bool forHighlighting)
    {
        if (clause.IsPhrase || clause.LastIsPrefix && Analyze(SearchFields.Exact, clause.Words[0]).Count > 1)
            return Phrase(clause);
        var word = clause.Words[0];
        var exact = Analyze(SearchFields.Exact, word);
        if (exact.Count == 0) return null;
        if (clause.LastIsPrefix) return Prefix(word, exact[0]);
        var stems = Analyze(SearchFields.Body, word);
        if (stems.Count > 1) return Phrase(clause);

        var any = new WindowedBooleanQuery(disableCoord: true);
        AddIfAny(any, Fields(field => Known(field, stems[0])));
        if (Known(SearchFields.Exact, exact[0]) is { } asWritten) any.Add(Boosted(asWritten, ExactBonus), Occur.SHOULD);
        if (own is null) return any.Clauses.Count == 0 ? null : any;
        foreach (var (language, only) in own)
        {
            foreach (var part in language.OwnClausesFor(word, forHighlighting))
                any.Add(only is null ? part : new FilteredQuery(part, only), Occur.SHOULD);
        }
        foreach (var correction in corrections.For(word))
        {
            if (Known(SearchFields.Exact, correction) is { } corrected) any.Add(Boosted(corrected, CorrectionWeight), Occur.SHOULD);
            var stemmed = Analyze(SearchFields.Body, correction);
            if (stemmed.Count == 1 && Fields(field => Known(field, stemmed[0])) is { } inFields)
                any.Add(Boosted(inFields, CorrectionWeight), Occur.SHOULD);
        }
        return any.Clauses.Count == 0 ? null : any;
    }

    /// <summary>What this language adds to a word: Dutch its compound endings, Ukrainian the word's beginning.</summary>
    private IEnumerable<Query> OwnClausesFor(string word, bool forHighlighting)
    {
        var stem = Analyze(SearchFields.Body, word) is [var only] ? only : null;
        if (stem is not null && IsCompoundPart(culture, stem) && words.HasLonger(SearchFields.Tail, SearchAnalyzers.Reversed(stem)))
            yield return Boosted(new CompoundEndingQuery(stem), CompoundWeight);
        if (SearchAnalyzers.MatchesByPrefix(culture) && Analyze(SearchFields.Exact, word) is [var exact, ..]
            && UkrainianPrefix(exact) is { } beginning && HasPrefix(SearchFields.Beginnings, beginning))
        {
            yield return Boosted(Beginning(SearchFields.Beginnings, beginning), UkrainianPrefixWeight);
            if (forHighlighting) yield return new PrefixQuery(new Term(SearchFields.Body, beginning));
        }
    }

    private static void AddIfAny(BooleanQuery query, Query? part)
    {
        if (part is not null) query.Add(part, Occur.SHOULD);
    }

    /// <summary>A term query, or null when no document has the term.</summary>
    private TermQuery? Known(string field, string text)
    {
        return words.Has(field, text) ? new TermQuery(new Term(field, text), words.Context(field, text)) : null;
    }

    private bool HasPrefix(string field, string prefix) => words.HasPrefix(field, prefix);

    /// <summary>A prefix, tried as typed (folded) in every field, and as stemmed in the stemmed fields:
    /// "gesprekke*" still finds the stem "gesprek".</summary>
    private Query? Prefix(string word, string folded)
    {
        if (!HasPrefix(SearchFields.Exact, folded) && !SearchFields.Stemmed.Any(field => HasPrefix(field, folded))) return null;
        var any = new WindowedBooleanQuery();
        any.Add(Boosted(Beginning(SearchFields.Exact, folded), ExactBonus), Occur.SHOULD);
        AddIfAny(any, Fields(field => Beginning(field, folded)));
        var stems = Analyze(SearchFields.Body, word);
        if (stems.Count == 1 && stems[0] != folded) AddIfAny(any, Fields(field => Beginning(field, stems[0])));
        return any;
    }

    /// <summary>The words of a field that begin so, one constant score as Lucene's own rewrite gives them, their
    /// documents kept per segment: finding them again for every search (each word's postings, in every field)
    /// was half of what a first asking of `inbur*` cost.</summary>
    private static PrefixQuery Beginning(string field, string prefix) =>
        new(new Term(field, prefix)) { MultiTermRewriteMethod = RememberedDocuments.Instance };

    /// <summary>Words in this order, in one field (never from the title into the text); the last may be a prefix.</summary>
    private Query? Phrase(SearchClause clause)
    {
        var words = clause.LastIsPrefix ? clause.Words.Take(clause.Words.Count - 1).ToList() : clause.Words.ToList();
        var stems = Analyze(SearchFields.Body, string.Join(' ', words));
        var prefix = clause.LastIsPrefix ? Analyze(SearchFields.Exact, clause.Words[^1]) : [];
        if (clause.LastIsPrefix)
        {
            // A prefix written as several tokens (a script the tokenizer splits): all but the last are words.
            if (prefix.Count == 0) return stems.Count == 0 ? null : Phrase(stems, null);
            stems.AddRange(prefix.Take(prefix.Count - 1));
            return Phrase(stems, prefix[^1]);
        }
        return stems.Count == 0 ? null : Phrase(stems, null);
    }

    private Query? Phrase(List<string> stems, string? prefix)
    {
        if (prefix is null && stems.Count == 1) return Fields(field => Known(field, stems[0]));
        return Fields(field =>
        {
            if (stems.Any(stem => !words.Has(field, stem))) return null;
            if (prefix is null)
            {
                var phrase = new PhraseQuery();
                foreach (var stem in stems) phrase.Add(new Term(field, stem));
                var pairs = CommonWordPairs.Of(stems);
                if (pairs.Count == 0) return phrase;
                // A phrase is in a field only where the field holds each of its pairs.
                var pairsField = SearchFields.PairsOf(field);
                if (pairs.Any(pair => !words.Has(pairsField, pair))) return null;
                return new PairedPhraseQuery(phrase, pairs.Select(pair => new Term(pairsField, pair)).ToArray());
            }
            var spans = stems.Select(s => (SpanQuery)new SpanTermQuery(new Term(field, s)))
                .Append(new SpanMultiTermQueryWrapper<PrefixQuery>(new PrefixQuery(new Term(field, prefix))))
                .ToArray();
            return spans.Length == 1 ? spans[0] : new SpanNearQuery(spans, 0, true);
        });
    }

    /// <summary>The best of the weighted stemmed fields (a word in the title and the body counts as a
    /// title match, a little more); null when no field can match.</summary>
    private static Query? Fields(Func<string, Query?> make)
    {
        var best = new BestFieldQuery(0.1f);
        foreach (var field in SearchFields.Stemmed)
        {
            if (make(field) is { } query) best.Add(Boosted(query, SearchFields.Weight(field)));
        }
        return best.Disjuncts.Count == 0 ? null : best;
    }

    private static Query Boosted(Query query, float boost)
    {
        query.Boost = boost;
        return query;
    }

    /// <summary>Whether a stem is searched as the last part of compounds: in a language with compounds,
    /// Latin letters, long enough not to end half the vocabulary.</summary>
    public static bool IsCompoundPart(string culture, string stem) =>
        SearchAnalyzers.HasCompounds(culture) && stem.Length >= MinCompoundPart && stem.All(char.IsAsciiLetterOrDigit);

    /// <summary>Ukrainian words change their ending (робота, роботи, роботою): without a stemmer the
    /// word without its last letters is searched as a beginning. Short words are searched whole.</summary>
    private static string? UkrainianPrefix(string folded) => folded.Length switch
    {
        < 5 => null,
        < 7 => folded[..^1],
        _ => folded[..^2],
    };


    /// <summary>The terms the analyzer of this language makes of a text for a field (a copy: callers may change it).</summary>
    public List<string> Analyze(string field, string text)
    {
        var key = (SearchAnalyzers.Equivalent(_analyzer, field), field, text);
        if (_analysed.TryGetValue(key, out var known)) return [.. known];
        var terms = Terms(_analyzer, field, text);
        _analysed[key] = [.. terms];
        return terms;
    }

    /// <summary>This search's analyses, by the analysis they are (the exact field's is one for every language):
    /// building the query asks for the same word's terms four or five times per language, and a word the memory
    /// of all searches (<see cref="Analysed"/>) does not hold (a word asked for the first time) was analysed every
    /// time, each an ICU tokenizer run behind a lock that all searches share.</summary>
    private readonly Dictionary<(Analyzer, string, string), string[]> _analysed = analysed ?? [];

    /// <summary>What each analyzer made of a short text for a field, across searches: query words recur (in
    /// every language's query, in the marks, in the next visitor's search), and analysing one (an ICU
    /// tokenizer that locks on reset) cost more than building the rest of the query.</summary>
    /// <remarks>Enough for the words of a year's searches; a word asked once (a flood of new words) is analysed, not remembered.</remarks>
    private static readonly RememberedUpTo<(Analyzer Analyzer, string Field, string Text), string[]> Analysed = new(50_000);

    private const int MaxAnalysedLength = 64;

    /// <summary>The terms an analyzer makes of a text for a field (a new list: callers may change it).</summary>
    public static List<string> Terms(Analyzer analyzer, string field, string text)
    {
        analyzer = SearchAnalyzers.Equivalent(analyzer, field);
        if (Analysed.TryGetValue((analyzer, field, text), out var known)) return [.. known];
        var terms = new List<string>();
        using (var stream = analyzer.GetTokenStream(field, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken()) terms.Add(term.ToString());
            stream.End();
        }
        if (text.Length <= MaxAnalysedLength) Analysed.Remember((analyzer, field, text), [.. terms]);
        return terms;
    }
}
