using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace JasKnowledge.Data.Search;

/// <summary>
/// Orders hits of equal score by their tie-break key (slug, type, language) exactly as Lucene's string sort
/// does, reading each segment's keys from memory (<see cref="SegmentKeys"/>): Lucene's doc values reader
/// makes a new byte array for every key it looks up, and the sort looks one up for every hit that enters
/// the page's lists, a twentieth of what a first asking allocated at 100,000 documents.
/// </summary>
internal sealed class TieBreakOrder : FieldComparerSource
{
    public static readonly SortField Field = new(SearchFields.TieBreak, new TieBreakOrder());

    public override FieldComparer NewComparer(string fieldname, int numHits, int sortPos, bool reversed) => new Comparer(numHits, fieldname);

    private sealed class Comparer(int numHits, string field) : FieldComparer.TermOrdValComparer(numHits, field)
    {
        protected override SortedDocValues GetSortedDocValues(AtomicReaderContext context, string field) => SegmentKeys.Of(context.AtomicReader);
    }

    /// <summary>A segment's keys and each document's key number, read once and kept as long as the segment lives
    /// (its core: new deletions keep them); at 100,000 documents about 5 MB.</summary>
    private sealed class SegmentKeys : SortedDocValues
    {
        private static readonly ConditionalWeakTable<object, SegmentKeys> BySegment = new();

        private readonly int[] _ords;
        private readonly byte[] _bytes;
        /// <summary>Where each key starts in <see cref="_bytes"/>, and where the last one ends.</summary>
        private readonly int[] _starts;

        private SegmentKeys(SortedDocValues values, int documents)
        {
            _ords = new int[documents];
            for (var doc = 0; doc < documents; doc++) _ords[doc] = values.GetOrd(doc);
            _starts = new int[values.ValueCount + 1];
            var key = new BytesRef();
            var bytes = new byte[Math.Max(16, values.ValueCount * 32)];
            for (var ord = 0; ord < values.ValueCount; ord++)
            {
                values.LookupOrd(ord, key);
                var start = _starts[ord];
                if (start + key.Length > bytes.Length) Array.Resize(ref bytes, Math.Max(bytes.Length * 2, start + key.Length));
                Array.Copy(key.Bytes, key.Offset, bytes, start, key.Length);
                _starts[ord + 1] = start + key.Length;
            }
            _bytes = bytes;
        }

        /// <summary>The segment's keys; Lucene's empty values when no document of it has one.</summary>
        public static SortedDocValues Of(AtomicReader segment) =>
            segment.GetSortedDocValues(SearchFields.TieBreak) is { } values
                ? BySegment.GetValue(segment.CoreCacheKey, _ => new SegmentKeys(values, segment.MaxDoc))
                : DocValues.EMPTY_SORTED;

        public override int GetOrd(int docID) => _ords[docID];

        /// <summary>The key points into the segment's bytes: the sort only compares it.</summary>
        public override void LookupOrd(int ord, BytesRef result)
        {
            result.Bytes = _bytes;
            result.Offset = _starts[ord];
            result.Length = _starts[ord + 1] - _starts[ord];
        }

        public override int ValueCount => _starts.Length - 1;
    }
}
