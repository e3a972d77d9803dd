using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace JasKnowledge.Data.Search;

/// <summary>
/// Lucene's default codec with one change: each document's stored fields are compressed on their own
/// (small chunks) instead of in 16 KB chunks of several documents. A page of hits reads ten scattered
/// documents, and with the default codec each read decompressed its whole shared chunk up to the
/// document: about 85 µs a hit, more than the search itself took for most queries.
/// </summary>
[CodecName("JasSearch48")]
public sealed class SearchCodec() : FilterCodec(new Lucene46Codec())
{
    /// <summary>A chunk closes as soon as it holds a document of this size: small documents (a file's
    /// release notes) still share one, a page's text has its own.</summary>
    private const int ChunkSize = 1 << 10;

    private static readonly StoredFieldsFormat Stored =
        new CompressingStoredFieldsFormat("JasSearchStoredFields", CompressionMode.FAST, ChunkSize);

    public override StoredFieldsFormat StoredFieldsFormat => Stored;

    /// <summary>Makes the codec known to Lucene, so an index written with it can be read (once per
    /// process: LuceneSearchIndex's static constructor).</summary>
    public static void Register() =>
        Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(SearchCodec)] });
}
