using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace JasKnowledge.Data.Search;

/// <summary>
/// The (type, language) pair of every document of a segment as one number, read from the doc values
/// once per segment and kept as long as the segment lives: a search counts its hits per pair for the
/// facets, and reading two doc values per hit was a third of the time of a common word.
/// </summary>
internal sealed class SegmentFacets
{
    private static readonly ConditionalWeakTable<object, SegmentFacets> BySegment = new();

    /// <summary>Per document: type × <see cref="Cultures"/>.Count + language; -1 without either.</summary>
    public int[] Keys { get; }
    public IReadOnlyList<string> Types { get; }
    public IReadOnlyList<string> Cultures { get; }

    private SegmentFacets(AtomicReader segment)
    {
        var types = segment.GetSortedDocValues(SearchFields.Type);
        var cultures = segment.GetSortedDocValues(SearchFields.Culture);
        Types = Values(types);
        Cultures = Values(cultures);
        Keys = new int[segment.MaxDoc];
        for (var doc = 0; doc < Keys.Length; doc++)
        {
            var type = types?.GetOrd(doc) ?? -1;
            var culture = cultures?.GetOrd(doc) ?? -1;
            Keys[doc] = type < 0 || culture < 0 ? -1 : type * Cultures.Count + culture;
        }
    }

    /// <summary>The pairs of a segment (its core: a segment with new deletions keeps its pairs).</summary>
    public static SegmentFacets Of(AtomicReader segment) => BySegment.GetValue(segment.CoreCacheKey, _ => new SegmentFacets(segment));

    public int Count => Types.Count * Cultures.Count;

    public string TypeOf(int key) => Types[key / Cultures.Count];

    public string CultureOf(int key) => Cultures[key % Cultures.Count];

    private static List<string> Values(SortedDocValues? values)
    {
        var list = new List<string>();
        if (values is null) return list;
        var bytes = new BytesRef();
        for (var ord = 0; ord < values.ValueCount; ord++)
        {
            values.LookupOrd(ord, bytes);
            list.Add(bytes.Utf8ToString());
        }
        return list;
    }
}
