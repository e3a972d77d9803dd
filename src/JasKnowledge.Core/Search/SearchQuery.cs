namespace JasKnowledge.Core.Search;

/// <summary>One way a clause can match: a term, a prefix, or a phrase of terms in order.</summary>
public sealed record SearchAlternative(IReadOnlyList<string> Terms, bool LastIsPrefix);

/// <summary>
/// One part of a query: a word, a prefix (<c>gespr*</c>), a quoted phrase, or any of these excluded
/// with a leading minus. A clause matches when any of its alternatives does (the word's stem in each
/// language that may apply); a plain word also matches as the last part of a compound
/// (<see cref="CompoundPart"/>).
/// </summary>
public sealed record SearchClause(IReadOnlyList<string> Words, IReadOnlyList<SearchAlternative> Alternatives, string? CompoundPart, bool IsExcluded)
{
    public bool IsPhrase => Words.Count > 1;
}

/// <summary>
/// A visitor's search text, parsed forgivingly: any string is a valid query. Quotes make phrases,
/// a leading <c>-</c> excludes, a trailing <c>*</c> asks for a prefix; everything else that is not a
/// letter or digit separates words, so operators, brackets and control characters cannot reach the
/// database's query language.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxClauses = 12;
    public const int MaxPhraseWords = 8;

    private SearchQuery(string text, IReadOnlyList<SearchClause> clauses)
    {
        Text = text;
        Clauses = clauses;
    }

    /// <summary>The text as typed (trimmed), for showing back to the visitor.</summary>
    public string Text { get; }
    public IReadOnlyList<SearchClause> Clauses { get; }
    public IEnumerable<SearchClause> Included => Clauses.Where(c => !c.IsExcluded);
    public IEnumerable<SearchClause> Excluded => Clauses.Where(c => c.IsExcluded);

    /// <summary>A query can be run when at least one clause is not an exclusion.</summary>
    public bool HasTerms => Included.Any();

    /// <param name="culture">The language searched in, or null for all: decides which stems are tried.</param>
    public static SearchQuery Parse(string? text, string? culture)
    {
        text = (text ?? "").Trim();
        var clauses = new List<SearchClause>();
        foreach (var chunk in Chunks(text))
        {
            if (clauses.Count == MaxClauses) break;
            var words = TextAnalyzer.Words(chunk.Text).Take(MaxPhraseWords).ToList();
            if (words.Count == 0) continue;
            clauses.Add(Clause(words, chunk.IsPrefix, chunk.IsExcluded, culture));
        }
        return new SearchQuery(text, clauses);
    }

    private static SearchClause Clause(List<string> words, bool lastIsPrefix, bool excluded, string? culture)
    {
        List<SearchAlternative> alternatives;
        if (words.Count == 1)
        {
            // A prefix is tried as typed and as stemmed: "gesprekke*" still finds the stem "gesprek".
            var forms = TextAnalyzer.Forms(words[0], culture);
            alternatives = (lastIsPrefix ? forms.Prepend(words[0]).Distinct(StringComparer.Ordinal) : forms)
                .Select(f => new SearchAlternative([f], lastIsPrefix)).ToList();
        }
        else
        {
            var cultures = culture is not null ? [culture] : TextAnalyzer.StemmingCultures.Append("").ToList();
            alternatives = cultures
                .Select(c => words.Select((w, i) => lastIsPrefix && i == words.Count - 1 ? w : TextAnalyzer.Stem(w, c)).ToList())
                .DistinctBy(terms => string.Join(' ', terms))
                .Select(terms => new SearchAlternative(terms, lastIsPrefix))
                .ToList();
        }
        var stem = alternatives[0].Terms[0];
        var part = words.Count == 1 && !lastIsPrefix && TextAnalyzer.CanBeCompoundPart(stem) ? stem : null;
        return new SearchClause(words, alternatives, part, excluded);
    }

    private readonly record struct Chunk(string Text, bool IsExcluded, bool IsPrefix);

    /// <summary>Splits on white space outside quotes; an unclosed quote runs to the end.</summary>
    private static IEnumerable<Chunk> Chunks(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) yield break;
            var excluded = text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
            if (excluded) i++;
            if (IsQuote(text[i]))
            {
                var start = ++i;
                while (i < text.Length && !IsQuote(text[i])) i++;
                var phrase = text[start..i];
                if (i < text.Length) i++;
                var prefix = phrase.TrimEnd().EndsWith('*');
                yield return new Chunk(phrase, excluded, prefix);
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && !IsQuote(text[i])) i++;
                var word = text[start..i];
                yield return new Chunk(word, excluded, word.EndsWith('*'));
            }
        }
    }

    private static bool IsQuote(char c) => c is '"' or '“' or '”' or '„';
}
