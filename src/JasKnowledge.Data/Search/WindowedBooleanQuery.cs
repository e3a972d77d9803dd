using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace JasKnowledge.Data.Search;

/// <summary>
/// A Lucene <see cref="BooleanQuery"/> whose alternatives (only optional and excluded clauses), when the
/// collector takes hits in any order, are scored as Lucene's own bucket scorer scores them, 2,048
/// documents at a time, but in a table of arrays the searching thread keeps and reuses. Lucene's scorer
/// makes a table of 2,048 objects (114 KB) for every segment of every search: at 10,000 documents about a
/// third of all a first asking of a common word allocated, the work that made concurrent searches wait
/// for the garbage collector.
/// Scores are summed in the same order and precision as Lucene's, so hits and their order do not change.
/// </summary>
internal sealed class WindowedBooleanQuery(bool disableCoord = false) : BooleanQuery(disableCoord)
{
    /// <summary>No document matches two of the clauses (each is limited to other languages' documents):
    /// then they are scored one after another (<see cref="ClausesApartScorer"/>).</summary>
    public bool ClausesMatchApart { get; init; }

    public override Weight CreateWeight(IndexSearcher searcher) => new WindowedWeight(this, searcher);

    /// <summary>What the skipping scorer (<see cref="MaxScoreScorer"/>) needs of a clause that is itself alternatives (a required
    /// word's, a glossary synonym's): their weights, which Lucene's weight class keeps protected.</summary>
    public interface IAlternatives
    {
        /// <summary>The clauses' weights when the query's score is the sum of its alternatives' (only optional
        /// clauses, no minimum), times <see cref="Coordination"/>; otherwise null.</summary>
        IList<Weight>? Alternatives { get; }

        /// <summary>The coordination factor of a document holding 0, 1, 2… of the alternatives (a prefix's fields);
        /// null when coordination is off.</summary>
        float[]? Coordination { get; }
    }

    private sealed class WindowedWeight(WindowedBooleanQuery query, IndexSearcher searcher) : BooleanWeight(query, searcher, query.CoordDisabled), IAlternatives
    {
        public IList<Weight>? Alternatives =>
            query.MinimumNumberShouldMatch == 0 && query.Clauses.All(c => c.Occur == Occur.SHOULD) ? m_weights : null;

        public float[]? Coordination => query.CoordDisabled ? null : CoordFactors();

        /// <summary>The factor of a document holding 0, 1, 2… of the clauses (all 1 when coordination is off).</summary>
        private float[] CoordFactors() =>
            Enumerable.Range(0, m_weights.Count + 1).Select(i => query.CoordDisabled ? 1f : Coord(i, m_maxCoord)).ToArray();

        public override BulkScorer? GetBulkScorer(AtomicReaderContext context, bool scoreDocsInOrder, IBits acceptDocs)
        {
            if (scoreDocsInOrder || query.MinimumNumberShouldMatch > 1) return base.GetBulkScorer(context, scoreDocsInOrder, acceptDocs);
            var clauses = m_weights.Select((weight, i) => (weight, query.Clauses[i].IsProhibited)).ToList();
            if (query.Clauses.Any(c => c.IsRequired))
            {
                // Words that must all occur (and excluded ones): the hits that cannot rank are skipped too.
                if (query.MinimumNumberShouldMatch > 0 || query.Clauses.Any(c => c.Occur == Occur.SHOULD))
                    return base.GetBulkScorer(context, scoreDocsInOrder, acceptDocs);
                var coordination = query.CoordDisabled ? 1f : Coord(query.Clauses.Count(c => c.IsRequired), m_maxCoord);
                return MaxScoreScorer.TryCreateConjunction(m_similarity, context, acceptDocs, clauses, coordination, () => base.GetBulkScorer(context, false, acceptDocs))
                    ?? base.GetBulkScorer(context, false, acceptDocs);
            }
            var coord = CoordFactors();
            if (query.ClausesMatchApart && !query.Clauses.Any(c => c.IsProhibited))
            {
                var separately = m_weights.Select(weight => (Func<BulkScorer?>)(() => weight.GetBulkScorer(context, false, acceptDocs))).ToList();
                return new ClausesApartScorer(separately, coord[1], () => EveryHit(context, acceptDocs, coord));
            }
            return MaxScoreScorer.TryCreate(m_similarity, context, acceptDocs, clauses, coord, () => EveryHit(context, acceptDocs, coord))
                ?? (BulkScorer)EveryHit(context, acceptDocs, coord);
        }

        private WindowScorer EveryHit(AtomicReaderContext context, IBits acceptDocs, float[] coord)
        {
            var optional = new List<BulkScorer>();
            var excluded = new List<BulkScorer>();
            for (var i = 0; i < m_weights.Count; i++)
            {
                if (m_weights[i].GetBulkScorer(context, false, acceptDocs) is not { } scorer) continue;
                (query.Clauses[i].IsProhibited ? excluded : optional).Add(scorer);
            }
            return new WindowScorer(optional, excluded, coord, query.MinimumNumberShouldMatch);
        }
    }

    /// <summary>Lucene's bucket scorer on a reused <see cref="Window"/>, step for step: each clause adds its
    /// hits below the end of the window, then the window's documents no excluded clause hit are collected.</summary>
    private sealed class WindowScorer : BulkScorer
    {
        /// <summary>The clauses in the order Lucene's scorer asks them (the last added first), so scores add up alike.</summary>
        private readonly (BulkScorer Scorer, WindowCollector Collector)[] _clauses;
        private readonly bool[] _more;
        private readonly float[] _coord;
        private readonly int _minimumShouldMatch;
        private Window? _window;
        private int _end;
        /// <summary>The next filled slot of the window to collect; -1: none.</summary>
        private int _current = -1;

        public WindowScorer(List<BulkScorer> optional, List<BulkScorer> excluded, float[] coord, int minimumShouldMatch)
        {
            _clauses = excluded.AsEnumerable().Reverse().Select(s => (s, new WindowCollector(Window.Excluded)))
                .Concat(optional.AsEnumerable().Reverse().Select(s => (s, new WindowCollector(0)))).ToArray();
            _more = Enumerable.Repeat(true, _clauses.Length).ToArray();
            _coord = coord;
            _minimumShouldMatch = minimumShouldMatch;
        }

        public override bool Score(ICollector collector, int max)
        {
            var window = _window ??= Window.Rent();
            foreach (var (_, clause) in _clauses) clause.Window = window;
            var hit = new ScoredHit();
            collector.SetScorer(hit);
            bool more;
            do
            {
                window.First = -1;
                while (_current >= 0)
                {
                    var slot = _current;
                    _current = window.Next[slot];
                    if ((window.Bits[slot] & Window.Excluded) != 0) continue;
                    if (window.Docs[slot] >= max)
                    {
                        // Past what this call may collect: chained again for the next call.
                        window.Next[slot] = window.First;
                        window.First = slot;
                        continue;
                    }
                    if (window.Coords[slot] < _minimumShouldMatch) continue;
                    hit.Set(window.Docs[slot], (float)(window.Scores[slot] * _coord[window.Coords[slot]]), window.Coords[slot]);
                    collector.Collect(window.Docs[slot]);
                }
                if (window.First >= 0)
                {
                    _current = window.First;
                    return true;
                }
                more = false;
                _end += Window.Size;
                for (var i = 0; i < _clauses.Length; i++)
                {
                    if (!_more[i]) continue;
                    _more[i] = _clauses[i].Scorer.Score(_clauses[i].Collector, _end);
                    more |= _more[i];
                }
                _current = window.First;
            } while (_current >= 0 || more);
            Window.Return(window);
            _window = null;
            return false;
        }
    }

    /// <summary>The scores of one window's documents, in the slot of the document modulo <see cref="Size"/>,
    /// as arrays; filled slots are chained from <see cref="First"/>, the last filled first.</summary>
    private sealed class Window
    {
        public const int Size = 1 << 11;
        private const int Mask = Size - 1;
        /// <summary>The mark of a hit of an excluded clause.</summary>
        public const int Excluded = 1;

        /// <summary>This thread's windows not in use: a query nested in another holds a second one meanwhile.</summary>
        [ThreadStatic] private static Stack<Window>? _kept;

        public readonly int[] Docs = new int[Size];
        public readonly double[] Scores = new double[Size];
        public readonly int[] Bits = new int[Size];
        public readonly int[] Coords = new int[Size];
        public readonly int[] Next = new int[Size];
        public int First = -1;

        public static Window Rent()
        {
            var window = _kept is { Count: > 0 } kept ? kept.Pop() : new Window();
            // A document number of an earlier segment must not pass for one of this segment.
            Array.Fill(window.Docs, -1);
            window.First = -1;
            return window;
        }

        public static void Return(Window window) => (_kept ??= new Stack<Window>()).Push(window);

        public void Add(int doc, float score, int mask)
        {
            var slot = doc & Mask;
            if (Docs[slot] != doc)
            {
                Docs[slot] = doc;
                Scores[slot] = score;
                Bits[slot] = mask;
                Coords[slot] = 1;
                Next[slot] = First;
                First = slot;
            }
            else
            {
                Scores[slot] += score;
                Bits[slot] |= mask;
                Coords[slot]++;
            }
        }
    }

    /// <summary>Adds one clause's hits to the window, with the clause's mark (excluded or not).</summary>
    private sealed class WindowCollector(int mask) : ICollector
    {
        private Scorer? _scorer;

        public Window? Window { get; set; }

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void Collect(int doc) => Window!.Add(doc, _scorer!.GetScore(), mask);

        public void SetNextReader(AtomicReaderContext context) { }

        public bool AcceptsDocsOutOfOrder => true;
    }
}
