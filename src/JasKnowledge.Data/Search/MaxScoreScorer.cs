using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace JasKnowledge.Data.Search;

/// <summary>
/// Scores a query of alternatives (a word in its fields, as written, as a compound ending…) the way
/// <see cref="WindowedBooleanQuery"/> scores it, but skips the hits that cannot rank (MaxScore, Turtle and
/// Flood 1995; Lucene 8 does it too): each word's score in a segment has a ceiling (its score in the document
/// where it weighs most); once the page's lists are full, a document holding only words whose ceilings add up
/// to less than the lowest listed score is never looked at. Those words' postings are only jumped through, to
/// the documents the other words bring. For <c>gesprek</c> at 100,000 documents, 61,166 hits and 976 with the
/// word in the title: the body's 57,582 hits can add at most 0.04 to a score and the tenth best is 2.8.
/// The counts for the facets still hold every hit: the words' documents are OR-ed into a bit set (a common
/// word's set kept per segment) and counted from it. Words that must all occur work alike: the hits are the
/// AND of each word's set, and only documents in it are looked at (<see cref="TryCreateConjunction"/>).
/// Scores are added in the same order and precision as the windowed scorer, so hits and their order are the same.
/// </summary>
internal sealed class MaxScoreScorer : BulkScorer
{
    /// <summary>Float sums of bounds may round below the sum of the scores they bound: a hit is only skipped
    /// when the ceiling, this much raised, is still below the threshold.</summary>
    private const double Margin = 1.0001;

    private readonly AtomicReaderContext _context;
    private readonly IBits? _acceptDocs;
    private readonly Alternative[] _alternatives;
    private readonly Weight[] _excluded;
    private readonly float[] _coord;
    private readonly TFIDFSimilarity _similarity;
    private readonly Func<BulkScorer?> _everyHit;
    private BulkScorer? _scoringEveryHit;
    /// <summary>Per alternative, its leaves' places in the list ordered by ceiling, in that order: a document's
    /// ceiling is summed for every document a pass looks at.</summary>
    private int[][] _leavesOf = [];
    /// <summary>For a query of required words: each word's weight (its alternatives are <see cref="_alternatives"/> of
    /// that group); empty for a query of alternatives.</summary>
    private Weight[] _required = [];
    /// <summary>The coordination factor of a document holding every required word.</summary>
    private float _requiredCoord = 1f;

    private MaxScoreScorer(
        AtomicReaderContext context, IBits? acceptDocs, Alternative[] alternatives, Weight[] excluded, float[] coord,
        TFIDFSimilarity similarity, Func<BulkScorer?> everyHit)
    {
        (_context, _acceptDocs, _alternatives, _excluded, _coord, _similarity, _everyHit) =
            (context, acceptDocs, alternatives, excluded, coord, similarity, everyHit);
        var groups = alternatives.Max(a => a.Group) + 1;
        _groupScores = new double[groups];
        _groupMatched = new bool[groups];
        _groupCount = new int[groups];
    }

    /// <summary>The scorer for a query of optional and excluded clauses, or null when a clause is of a kind whose
    /// ceiling is not known (a phrase, a prefix rewritten to words): then every hit is scored.</summary>
    /// <param name="clauses">The weights of the clauses, in clause order, each with whether it is excluded.</param>
    /// <param name="everyHit">The scorer of every hit, for a collector that does not count apart from ranking.</param>
    public static MaxScoreScorer? TryCreate(
        Similarity similarity, AtomicReaderContext context, IBits? acceptDocs, IReadOnlyList<(Weight Weight, bool Excluded)> clauses,
        float[] coord, Func<BulkScorer?> everyHit)
    {
        if (similarity is not TFIDFSimilarity tfIdf) return null;
        var alternatives = new List<Alternative>();
        var groups = 0;
        foreach (var (weight, excluded) in clauses)
        {
            if (excluded) continue;
            // A clause that is itself alternatives (a glossary synonym next to the word typed) is one group of them.
            // Coordinated alternatives (a prefix's fields) are scored hit by hit here: Lucene's bucket scorer
            // multiplies their sum in another precision than its conjunction does.
            if (CoordinationOf(weight) is not null) return null;
            var group = groups++;
            foreach (var alternative in AlternativesOf(weight))
            {
                if (!AddAlternative(alternatives, alternative, group)) return null;
            }
        }
        if (alternatives.Count == 0) return null;
        return new MaxScoreScorer(context, acceptDocs, alternatives.ToArray(), clauses.Where(c => c.Excluded).Select(c => c.Weight).ToArray(),
            coord, tfIdf, everyHit);
    }

    /// <summary>The scorer for a query of required words (each a word's alternatives, or one alternative) and excluded
    /// clauses, or null when a clause is of a kind whose ceiling is not known. A hit holds every required word; its
    /// score is each word's score (the sum of its alternatives) added up as Lucene's conjunction adds them, times
    /// <paramref name="coord"/>. Two words that must both occur were scored hit by hit: `klantmanager werk` at
    /// 100,000 documents took eight times as long as either word alone.</summary>
    public static MaxScoreScorer? TryCreateConjunction(
        Similarity similarity, AtomicReaderContext context, IBits? acceptDocs, IReadOnlyList<(Weight Weight, bool Excluded)> clauses,
        float coord, Func<BulkScorer?> everyHit)
    {
        if (similarity is not TFIDFSimilarity tfIdf) return null;
        var alternatives = new List<Alternative>();
        var required = new List<Weight>();
        var coordinations = new List<float[]?>();
        foreach (var (weight, excluded) in clauses)
        {
            if (excluded) continue;
            var group = required.Count;
            required.Add(weight);
            coordinations.Add(CoordinationOf(weight));
            foreach (var alternative in AlternativesOf(weight))
            {
                if (!AddAlternative(alternatives, alternative, group)) return null;
            }
        }
        if (required.Count < 2) return null;
        return new MaxScoreScorer(context, acceptDocs, alternatives.ToArray(), clauses.Where(c => c.Excluded).Select(c => c.Weight).ToArray(),
            [], tfIdf, everyHit) { _required = required.ToArray(), _requiredCoord = coord, _groupCoordination = coordinations.ToArray() };
    }

    private static IList<Weight> AlternativesOf(Weight weight) => weight is WindowedBooleanQuery.IAlternatives { Alternatives: { } any } ? any : [weight];

    private static float[]? CoordinationOf(Weight weight) =>
        weight is WindowedBooleanQuery.IAlternatives { Alternatives: not null, Coordination: { } coordination } ? coordination : null;

    /// <summary>Adds a clause as an alternative of <paramref name="group"/>; false when it is not a word, a word in fields or a constant clause.</summary>
    private static bool AddAlternative(List<Alternative> alternatives, Weight weight, int group)
    {
        Weight[] words;
        float? tieBreaker = null;
        if (weight is BestFieldQuery.IFields fields)
        {
            words = fields.Fields.ToArray();
            tieBreaker = fields.TieBreakerMultiplier;
        }
        else words = [weight];
        if (!words.All(w => IsWord(w.Query) || IsConstant(w.Query))) return false;
        alternatives.Add(new Alternative(words, tieBreaker, group));
        return true;
    }

    private static bool IsWord(Query query) => query is TermQuery;

    /// <summary>Every document of the clause scores alike (a remembered set of documents, perhaps limited to a language).</summary>
    private static bool IsConstant(Query query) => query is ConstantScoreQuery || query is FilteredQuery { Query: ConstantScoreQuery };

    public override bool Score(ICollector collector, int max)
    {
        // Lucene scores a segment in steps when it asks for one: every step goes on with the same scorer.
        if (_scoringEveryHit is not null || collector is not IRankingCollector ranking || max != DocIdSetIterator.NO_MORE_DOCS)
            return (_scoringEveryHit ??= _everyHit() ?? Nothing.Instance).Score(collector, max);
        var leaves = Leaves();
        if (leaves.Count == 0) return false;
        if (_required.Length > 0 && !Conjunction(leaves)) return false;
        var excluded = Excluded();
        var hits = Count(ranking, leaves, excluded);
        Rank(ranking, leaves, excluded, _required.Length > 0 ? hits : null);
        return false;
    }

    /// <summary>This thread's bit set of a segment's excluded documents, reused across searches.</summary>
    [ThreadStatic] private static long[]? _excludedDocuments;

    /// <summary>The documents of the excluded clauses as a bit set (deleted ones included: they are no hits
    /// anyway), or null when nothing is excluded. An excluded word's documents are read from its postings
    /// without scoring them: its clause's scorer, advanced to every candidate in each pass, had made a query
    /// with a real excluded word four to six times slower than the word alone.</summary>
    private long[]? Excluded()
    {
        if (_excluded.Length == 0) return null;
        var segment = _context.AtomicReader;
        var words = (segment.MaxDoc + 63) >> 6;
        var excluded = _excludedDocuments is { } kept && kept.Length >= words ? kept : _excludedDocuments = new long[words];
        Array.Clear(excluded, 0, words);
        var terms = new List<Term>();
        foreach (var weight in _excluded)
        {
            terms.Clear();
            if (MatchesAnyOf(weight.Query, terms))
            {
                foreach (var term in terms) SegmentTermSummaries.Of(segment).AddDocuments(segment, term, excluded);
                continue;
            }
            if (weight.GetScorer(_context, _acceptDocs) is not { } documents) continue;
            for (var doc = documents.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = documents.NextDoc()) excluded[doc >> 6] |= 1L << doc;
        }
        return excluded;
    }

    /// <summary>Whether the query matches exactly the documents holding any of some words (a word, alternatives of
    /// words, a best-field choice among them), which are then added to <paramref name="terms"/>.</summary>
    private static bool MatchesAnyOf(Query query, List<Term> terms)
    {
        switch (query)
        {
            case TermQuery word:
                terms.Add(word.Term);
                return true;
            case BooleanQuery { MinimumNumberShouldMatch: 0 } any when any.Clauses.All(c => c.Occur == Occur.SHOULD):
                return any.Clauses.All(c => MatchesAnyOf(c.Query, terms));
            case DisjunctionMaxQuery best:
                return best.Disjuncts.All(d => MatchesAnyOf(d, terms));
            default:
                return false;
        }
    }

    /// <summary>One word (or constant clause) of one alternative in this segment.</summary>
    private sealed class Leaf(Scorer scorer, float ceiling, int alternative, Weight weight, ConstantSets? sets)
    {
        public readonly Scorer Scorer = scorer;
        public readonly float Ceiling = ceiling;
        public readonly int Alternative = alternative;
        public readonly Weight Weight = weight;
        /// <summary>A constant clause's documents as bit sets: whether a document holds it is a bit, not a jump through its scorer.</summary>
        public readonly ConstantSets? Sets = sets;
    }

    /// <summary>The documents of a constant clause (a remembered set, perhaps limited to a language's set), deleted ones included.</summary>
    private sealed record ConstantSets(FixedBitSet Documents, FixedBitSet? Only)
    {
        public bool Hold(int doc) => Documents.Get(doc) && (Only is null || Only.Get(doc));
    }

    /// <summary>A clause of the query: one word, or a word in several fields scored as its best field plus a share of the others.</summary>
    /// <param name="Group">The clause of the query it belongs to: a required word, or an optional clause (itself, or one of a
    /// clause's alternatives).</param>
    private sealed record Alternative(Weight[] Words, float? TieBreaker, int Group);

    /// <summary>The clauses' words in this segment, each on its first document, with its ceiling.</summary>
    private List<Leaf> Leaves()
    {
        var leaves = new List<Leaf>();
        var segment = _context.AtomicReader;
        for (var a = 0; a < _alternatives.Length; a++)
        {
            foreach (var weight in _alternatives[a].Words)
            {
                var scorer = weight.GetScorer(_context, _acceptDocs);
                if (scorer is null || scorer.NextDoc() == DocIdSetIterator.NO_MORE_DOCS) continue;
                var first = scorer.GetScore();
                var ceiling = first;
                if (weight.Query is TermQuery word)
                {
                    // A word's score is its frequency times norm times a weight of the query: the ceiling scales the
                    // first document's score by the highest frequency times norm (deleted documents included: the
                    // ceiling may be too high, never too low).
                    var norms = segment.GetNormValues(word.Term.Field);
                    var here = _similarity.Tf(scorer.Freq) * (norms is null ? 1f : _similarity.DecodeNormValue(norms.Get(scorer.DocID)));
                    var highest = SegmentTermSummaries.Of(segment).HighestWeight(segment, word.Term, _similarity);
                    ceiling = here > 0 ? (float)((double)first / here * highest) : float.PositiveInfinity;
                }
                leaves.Add(new Leaf(scorer, ceiling, a, weight, Sets(weight.Query)));
            }
        }
        return leaves;
    }

    /// <summary>This thread's bit set of a segment's hits, reused across searches.</summary>
    [ThreadStatic] private static long[]? _hits;

    /// <summary>The documents of the segment that are hits, counted for the facets (deleted ones not counted).</summary>
    private long[] Count(IRankingCollector ranking, List<Leaf> leaves, long[]? excluded)
    {
        var segment = _context.AtomicReader;
        var words = (segment.MaxDoc + 63) >> 6;
        var hits = _hits is { } kept && kept.Length >= words ? kept : _hits = new long[words];
        Array.Clear(hits, 0, words);
        if (_required.Length == 0)
        {
            foreach (var leaf in leaves) AddDocuments(leaf, hits, words);
        }
        else
        {
            // Every required word: the documents of any of its alternatives, and of each word's.
            var word = _word is { } lent && lent.Length >= words ? lent : _word = new long[words];
            for (var group = 0; group < _required.Length; group++)
            {
                Array.Clear(word, 0, words);
                foreach (var leaf in leaves)
                {
                    if (_alternatives[leaf.Alternative].Group == group) AddDocuments(leaf, word, words);
                }
                for (var i = 0; i < words; i++) hits[i] = group == 0 ? word[i] : hits[i] & word[i];
            }
        }
        if (excluded is not null)
        {
            for (var i = 0; i < words; i++) hits[i] &= ~excluded[i];
        }
        // The documents a group of languages may match, a bit set: taken out word by word, not asked hit by hit.
        var accepted = _acceptDocs;
        if (accepted is FixedBitSet languages)
        {
            var bits = languages.GetBits();
            for (var i = 0; i < words; i++) hits[i] &= bits[i];
            accepted = null;
        }
        ranking.CountAll(hits, segment.MaxDoc, accepted);
        return hits;
    }

    /// <summary>This thread's bit set of one required word's documents, reused across searches.</summary>
    [ThreadStatic] private static long[]? _word;

    /// <summary>Sets the bits of a leaf's documents (deleted ones included: counting leaves them out).</summary>
    private void AddDocuments(Leaf leaf, long[] bits, int words)
    {
        var segment = _context.AtomicReader;
        if (leaf.Weight.Query is TermQuery word)
        {
            SegmentTermSummaries.Of(segment).AddDocuments(segment, word.Term, bits);
            return;
        }
        if (AddSets(leaf.Weight.Query, bits, words)) return;
        var documents = leaf.Weight.GetScorer(_context, _acceptDocs)!;
        for (var doc = documents.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = documents.NextDoc()) bits[doc >> 6] |= 1L << doc;
    }

    /// <summary>This thread's bit set of the documents the first pass looked at, reused across searches.</summary>
    [ThreadStatic] private static long[]? _seen;

    /// <summary>Adds a constant clause's documents word by word when its sets are bit sets; false when they are not.</summary>
    private bool AddSets(Query query, long[] hits, int words)
    {
        if (Sets(query) is not { } sets) return false;
        var set = sets.Documents.GetBits();
        var limit = sets.Only?.GetBits();
        for (var i = 0; i < words; i++) hits[i] |= limit is null ? set[i] : set[i] & limit[i];
        return true;
    }

    /// <summary>A constant clause's documents when they are bit sets (a remembered set of documents, perhaps
    /// limited to a language's remembered set); null for any other clause.</summary>
    private ConstantSets? Sets(Query query)
    {
        var (documents, only) = query switch
        {
            ConstantScoreQuery { Filter: { } filter } => (Bits(filter), null),
            FilteredQuery { Query: ConstantScoreQuery { Filter: { } filter }, Filter: var language } => (Bits(filter), Bits(language)),
            _ => (null, null),
        };
        return documents is null || query is FilteredQuery && only is null ? null : new ConstantSets(documents, only);
    }

    /// <summary>A filter's documents of this segment as a bit set (deleted ones included: counting leaves them out), or null.</summary>
    private FixedBitSet? Bits(Filter filter) => filter.GetDocIdSet(_context, null) as FixedBitSet;

    /// <summary>Offers the hits that can rank, in two passes. First the documents of the word with the highest
    /// ceiling (for a common word, the title): they fill the page's lists with high scores at once. Then the
    /// other words' documents the first pass did not see, most of them passed over as the threshold is high by then.
    /// Hits reach the collector out of document order, which it accepts (equal scores rank by tie-break key).</summary>
    /// <param name="hits">For a query of required words, the documents holding all of them: only those can rank.</param>
    private void Rank(IRankingCollector ranking, List<Leaf> leaves, long[]? excluded, long[]? hits)
    {
        // Ceilings from low to high: the lowest ones are the first a rising threshold leaves out.
        leaves.Sort((a, b) => a.Ceiling.CompareTo(b.Ceiling));
        _leavesOf = Enumerable.Range(0, _alternatives.Length)
            .Select(a => Enumerable.Range(0, leaves.Count).Where(i => leaves[i].Alternative == a).ToArray()).ToArray();
        var hit = new ScoredHit();
        ranking.SetScorer(hit);
        var words = (_context.AtomicReader.MaxDoc + 63) >> 6;
        var seen = _seen is { } kept && kept.Length >= words ? kept : _seen = new long[words];
        Array.Clear(seen, 0, words);
        Pass(ranking, hit, leaves, seen, excluded, hits, isFirst: true);
        // The first pass jumped the other words' postings forward to its documents. Most often (a common word,
        // whose title hits fill the lists) the threshold now passes over every other word and the search is
        // done; otherwise the second pass reads them again from the start, on new scorers: making those for
        // every search was a sixth of what a first asking of `gesprek` allocated at 100,000 documents.
        if (Skipped(leaves, ranking.Threshold) >= leaves.Count - 1) return;
        var again = leaves.Take(leaves.Count - 1).Select(l => new Leaf(l.Weight.GetScorer(_context, _acceptDocs)!, l.Ceiling, l.Alternative, l.Weight, l.Sets)).ToList();
        foreach (var leaf in again) leaf.Scorer.NextDoc();
        again.Add(leaves[^1]);
        Pass(ranking, hit, again, seen, excluded, hits, isFirst: false);
    }

    private void Pass(IRankingCollector ranking, ScoredHit hit, List<Leaf> leaves, long[] seen, long[]? excluded, long[]? hits, bool isFirst)
    {
        var matched = new float[leaves.Count];
        var reach = new double[leaves.Count];
        // Each alternative's leaves in field order (the order of the list is by ceiling).
        var byAlternative = new Leaf[_alternatives.Length][];
        for (var a = 0; a < byAlternative.Length; a++)
        {
            var inOrder = new List<Leaf>();
            foreach (var weight in _alternatives[a].Words)
                inOrder.AddRange(leaves.Where(l => l.Weight == weight));
            byAlternative[a] = inOrder.ToArray();
        }
        var threshold = ranking.Threshold;
        // Leaves below this index are passed over (their ceilings together stay under the threshold): their
        // postings are only jumped through to the documents the others bring. The first pass: all but the highest.
        var skipped = isFirst ? leaves.Count - 1 : Skipped(leaves, threshold);
        // The hits as Lucene's bit set (a view of the same words, nothing copied), to find the next one.
        var hitSet = hits is null ? null : new FixedBitSet(hits, _context.AtomicReader.MaxDoc);
        while (true)
        {
            var doc = DocIdSetIterator.NO_MORE_DOCS;
            for (var i = skipped; i < leaves.Count; i++) doc = Math.Min(doc, leaves[i].Scorer.DocID);
            if (doc == DocIdSetIterator.NO_MORE_DOCS) return;
            var bit = 1L << doc;
            var unseen = (seen[doc >> 6] & bit) == 0;
            if (isFirst) seen[doc >> 6] |= bit;
            if (unseen && (excluded is null || (excluded[doc >> 6] & bit) == 0) && (hits is null || (hits[doc >> 6] & bit) != 0)
                && CanRank(leaves, skipped, doc, threshold, reach))
            {
                for (var i = 0; i < skipped; i++)
                {
                    if (leaves[i].Scorer.DocID < doc) leaves[i].Scorer.Advance(doc);
                }
                var (score, count) = _required.Length == 0 ? Score(byAlternative, doc, matched) : ScoreOfAll(byAlternative, doc, matched);
                if (score >= threshold)
                {
                    hit.Set(doc, score, count);
                    ranking.Rank(doc, score);
                    var raised = ranking.Threshold;
                    if (raised > threshold)
                    {
                        threshold = raised;
                        if (!isFirst) skipped = Skipped(leaves, threshold);
                    }
                }
            }
            // Words that must all occur: the next document worth looking at is the next hit, and the postings jump
            // there over the documents holding only some of the words (most of a common word's) when it is far.
            var next = doc + 1;
            if (hitSet is not null)
            {
                next = next < hitSet.Length ? hitSet.NextSetBit(next) : -1;
                if (next < 0) next = DocIdSetIterator.NO_MORE_DOCS;
            }
            var jump = next - doc > JumpGap;
            for (var i = skipped; i < leaves.Count; i++)
            {
                var scorer = leaves[i].Scorer;
                if (!jump) { if (scorer.DocID == doc) scorer.NextDoc(); }
                else if (scorer.DocID < next) scorer.Advance(next);
            }
        }
    }

    /// <summary>A nearer next hit is stepped to, as every document was before: where most documents are hits
    /// (`de het een`), a jump for every one cost more than it saved (side by side, gaps of 1, 8 and 32).</summary>
    private const int JumpGap = 8;

    /// <summary>The document's score as the windowed scorer adds it: each clause's score (see <see cref="SumGroups"/>)
    /// summed in double precision, times the coordination factor of how many clauses it holds.</summary>
    private (float Score, int Count) Score(Leaf[][] byAlternative, int doc, float[] matched)
    {
        SumGroups(byAlternative, doc, matched);
        double sum = 0;
        var count = 0;
        for (var group = 0; group < _groupScores.Length; group++)
        {
            if (!_groupMatched[group]) continue;
            count++;
            sum += (float)_groupScores[group];
        }
        return ((float)(sum * _coord[count]), count);
    }

    /// <summary>The score of a document holding every required word as Lucene's conjunction adds it: each word's
    /// score (see <see cref="SumGroups"/>) added as floats in the order of <see cref="_requiredOrder"/>, times the coordination factor.</summary>
    private (float Score, int Count) ScoreOfAll(Leaf[][] byAlternative, int doc, float[] matched)
    {
        SumGroups(byAlternative, doc, matched);
        var sum = 0f;
        foreach (var word in _requiredOrder) sum += (float)_groupScores[word];
        return (sum * _requiredCoord, _required.Length);
    }

    /// <summary>Each clause's score in the document: the sum of its alternatives' scores (a word in several fields
    /// combined in field order), as Lucene's scorers of alternatives add them, in double precision (exact for
    /// float scores of these sizes, so the order does not matter); a float once summed.</summary>
    private void SumGroups(Leaf[][] byAlternative, int doc, float[] matched)
    {
        Array.Clear(_groupScores);
        Array.Clear(_groupMatched);
        Array.Clear(_groupCount);
        for (var a = 0; a < byAlternative.Length; a++)
        {
            var n = 0;
            foreach (var leaf in byAlternative[a])
            {
                if (leaf.Scorer.DocID == doc) matched[n++] = leaf.Scorer.GetScore();
            }
            if (n == 0) continue;
            var group = _alternatives[a].Group;
            _groupMatched[group] = true;
            _groupCount[group]++;
            _groupScores[group] += _alternatives[a].TieBreaker is { } tie ? BestFieldQuery.Combine(matched.AsSpan(0, n), tie) : matched[0];
        }
        // A required word's coordinated alternatives (a prefix's fields): Lucene's scorer of them multiplies their
        // float sum by the factor of how many it holds, in float.
        for (var group = 0; group < _groupCoordination.Length; group++)
        {
            if (_groupCoordination[group] is { } coordination && _groupMatched[group])
                _groupScores[group] = (float)_groupScores[group] * coordination[_groupCount[group]];
        }
    }

    /// <summary>The required words in the order Lucene's conjunction adds their scores: by cost (how many documents
    /// each may bring), cheapest first, equals in query order. Two words add alike in either order; the order is
    /// read from the words' scorers only for three or more. False when a word has no document in the segment.</summary>
    private bool Conjunction(List<Leaf> leaves)
    {
        for (var group = 0; group < _required.Length; group++)
        {
            if (!leaves.Exists(l => _alternatives[l.Alternative].Group == group)) return false;
        }
        if (_required.Length == 2)
        {
            _requiredOrder = [0, 1];
            return true;
        }
        var costs = new long[_required.Length];
        for (var group = 0; group < costs.Length; group++)
        {
            if (_required[group].GetScorer(_context, _acceptDocs) is not { } scorer) return false;
            costs[group] = scorer.GetCost();
        }
        _requiredOrder = Enumerable.Range(0, costs.Length).OrderBy(group => costs[group]).ToArray();
        return true;
    }

    private int[] _requiredOrder = [];
    /// <summary>Per clause (a group of alternatives), its score in the document being scored, and whether it holds it.</summary>
    private readonly double[] _groupScores;
    private readonly bool[] _groupMatched;
    /// <summary>Per clause, how many of its alternatives the document holds, and (a required word's) its coordination
    /// factors, null where it has none.</summary>
    private readonly int[] _groupCount;
    private float[]?[] _groupCoordination = [];

    /// <summary>Whether the document may still score at least the threshold: the words of the leaves that bring
    /// documents count with their score, constant clauses with theirs if their bit sets hold the document, the
    /// other leaves passed over with their ceilings until they are looked up, highest ceiling first (a summary
    /// word in four documents has a high ceiling and is quickly looked up). Most documents a title word brings
    /// score too low to need the other fields' postings.</summary>
    private bool CanRank(List<Leaf> leaves, int skipped, int doc, float threshold, double[] reach)
    {
        if (float.IsNegativeInfinity(threshold) || skipped == 0) return true;
        for (var i = 0; i < leaves.Count; i++)
        {
            var leaf = leaves[i];
            reach[i] = i >= skipped ? (leaf.Scorer.DocID == doc ? leaf.Scorer.GetScore() : 0)
                : leaf.Sets is { } sets ? (sets.Hold(doc) ? leaf.Ceiling : 0) : leaf.Ceiling;
        }
        for (var i = skipped - 1; i >= 0; i--)
        {
            if (leaves[i].Sets is not null) continue;
            if (Ceiling(leaves, leaves.Count, reach) * Margin < threshold) return false;
            var scorer = leaves[i].Scorer;
            if (scorer.DocID < doc) scorer.Advance(doc);
            reach[i] = scorer.DocID == doc ? scorer.GetScore() : 0;
        }
        return Ceiling(leaves, leaves.Count, reach) * Margin >= threshold;
    }

    /// <summary>How many of the leaves (lowest ceilings first) a hit may hold alone and still score below the threshold.</summary>
    private int Skipped(List<Leaf> leaves, float threshold)
    {
        if (float.IsNegativeInfinity(threshold)) return 0;
        var skipped = 0;
        while (skipped < leaves.Count && Ceiling(leaves, skipped + 1, null) * Margin < threshold) skipped++;
        return skipped;
    }

    /// <summary>The highest score a document can have that holds only the first <paramref name="count"/> leaves,
    /// each worth its ceiling or what <paramref name="worth"/> says.</summary>
    private double Ceiling(List<Leaf> leaves, int count, double[]? worth)
    {
        double sum = 0;
        for (var a = 0; a < _alternatives.Length; a++)
        {
            double highest = 0, all = 0;
            foreach (var i in _leavesOf[a])
            {
                if (i >= count) break;
                var value = worth?[i] ?? leaves[i].Ceiling;
                highest = Math.Max(highest, value);
                all += value;
            }
            sum += _alternatives[a].TieBreaker is { } tie ? highest + (all - highest) * tie : all;
        }
        return sum;
    }

    /// <summary>The scorer of a segment without hits.</summary>
    private sealed class Nothing : BulkScorer
    {
        public static readonly Nothing Instance = new();

        public override bool Score(ICollector collector, int max) => false;
    }
}
