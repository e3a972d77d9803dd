using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace JasKnowledge.Data.Search;

/// <summary>
/// A phrase with a common word (`"het gesprek"`), checked only in the documents whose pair field holds
/// each of its pairs of neighbouring stems (<see cref="SearchFields.PairsOf"/>). Lucene's phrase reads
/// the positions of its words in every document that holds them all, and `het` is in nearly every Dutch
/// one; the pairs are a short list. Found and scored by the phrase itself, so the hits and scores are the
/// phrase's: in a document holding the pair of a two-word phrase, the phrase is there.
/// </summary>
internal sealed class PairedPhraseQuery(PhraseQuery phrase, Term[] pairs) : Query
{
    public PhraseQuery Phrase => phrase;

    /// <summary>The boost is the phrase's: its weight reads it.</summary>
    public override float Boost
    {
        get => phrase.Boost;
        set => phrase.Boost = value;
    }

    public override Weight CreateWeight(IndexSearcher searcher) => new PairedWeight(this, phrase.CreateWeight(searcher), pairs);

    public override void ExtractTerms(ISet<Term> terms) => phrase.ExtractTerms(terms);

    public override string ToString(string field) => $"{phrase.ToString(field)} (pairs {string.Join(", ", pairs.Select(p => p.Text))})";

    public override bool Equals(object? obj) =>
        obj is PairedPhraseQuery other && other.Phrase.Equals(phrase) && other.Pairs.SequenceEqual(pairs);

    public override int GetHashCode() => phrase.GetHashCode() ^ 0x5a17;

    private Term[] Pairs => pairs;

    private sealed class PairedWeight(PairedPhraseQuery query, Weight phrase, Term[] pairs) : Weight
    {
        public override Query Query => query;

        public override float GetValueForNormalization() => phrase.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => phrase.Normalize(norm, topLevelBoost);

        public override Explanation Explain(AtomicReaderContext context, int doc) => phrase.Explain(context, doc);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            var terms = context.AtomicReader.GetTerms(pairs[0].Field);
            if (terms is null) return null;
            var lists = new DocsEnum[pairs.Length];
            var words = terms.GetEnumerator();
            for (var i = 0; i < pairs.Length; i++)
            {
                if (!words.SeekExact(pairs[i].Bytes)) return null;
                lists[i] = words.Docs(acceptDocs, null, DocsFlags.NONE);
            }
            return phrase.GetScorer(context, acceptDocs) is { } scorer ? new PairedScorer(this, scorer, lists) : null;
        }
    }

    /// <summary>The documents in every pair list where the phrase is, the lists and the phrase leapfrogging.</summary>
    private sealed class PairedScorer(Weight weight, Scorer phrase, DocsEnum[] pairs) : Scorer(weight)
    {
        private int _doc = -1;

        public override int DocID => _doc;

        public override int Freq => phrase.Freq;

        public override float GetScore() => phrase.GetScore();

        public override long GetCost() => pairs.Min(p => p.GetCost());

        public override int NextDoc() => _doc == NO_MORE_DOCS ? NO_MORE_DOCS : Next(_doc + 1);

        public override int Advance(int target) => Next(target);

        private int Next(int target)
        {
            var doc = target;
            while (doc != NO_MORE_DOCS)
            {
                var agreed = true;
                foreach (var pair in pairs)
                {
                    var at = pair.DocID < doc ? pair.Advance(doc) : pair.DocID;
                    if (at == doc) continue;
                    doc = at;
                    agreed = false;
                    break;
                }
                if (!agreed) continue;
                var found = phrase.DocID < doc ? phrase.Advance(doc) : phrase.DocID;
                if (found == doc) return _doc = doc;
                doc = found;
            }
            return _doc = NO_MORE_DOCS;
        }
    }
}
