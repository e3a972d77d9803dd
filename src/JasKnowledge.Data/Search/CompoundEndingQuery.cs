using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace JasKnowledge.Data.Search;

/// <summary>
/// Documents with a longer word ending in a stem (Participatieverklaring for "verklaring"), asked of the
/// compound field, which holds stems reversed: the words whose reversed form begins with the reversed stem
/// and goes on. The stem itself is left out: a document holding the word as such is found by the text
/// fields already, and for a common word its own list of documents was most of this clause's cost.
/// </summary>
internal sealed class CompoundEndingQuery : MultiTermQuery
{
    public CompoundEndingQuery(string stem) : base(SearchFields.Tail)
    {
        Stem = stem;
        Reversed = SearchAnalyzers.Reversed(stem);
        // Which documents hold a compound with this ending is kept per segment: it does not change while a segment lives.
        MultiTermRewriteMethod = RememberedDocuments.Instance;
    }

    /// <summary>The stem as the compound field holds it (reversed).</summary>
    public string Reversed { get; }

    public string Stem { get; }

    protected override TermsEnum GetTermsEnum(Terms terms, AttributeSource atts) =>
        new LongerWords(terms.GetEnumerator(), new BytesRef(Reversed));

    public override string ToString(string field) => $"{Field}:*{Stem}^{Boost}";

    public override bool Equals(object? obj) => obj is CompoundEndingQuery other && base.Equals(other) && other.Reversed == Reversed;

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Reversed);

    /// <summary>The words that begin with a prefix and are longer than it, in index order.</summary>
    private sealed class LongerWords : FilteredTermsEnum
    {
        private readonly BytesRef _prefix;

        public LongerWords(TermsEnum words, BytesRef prefix) : base(words)
        {
            _prefix = prefix;
            SetInitialSeekTerm(prefix);
        }

        protected override AcceptStatus Accept(BytesRef term) =>
            !StringHelper.StartsWith(term, _prefix) ? AcceptStatus.END
            : term.Length == _prefix.Length ? AcceptStatus.NO
            : AcceptStatus.YES;
    }
}
