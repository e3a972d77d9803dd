using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace JasKnowledge.Data.Search;

/// <summary>
/// Lucene's default codec with its stored fields kept as they are: each document on its own (small
/// chunks) and not compressed. A page of hits reads ten scattered documents' whole text (the snippet
/// text); with the default codec each read decompressed a shared 16 KB chunk up to the document (about
/// 85 µs a hit), and even on its own a document's LZ4 decoding, one byte read at a time in Lucene.Net,
/// took longer than copying it. The index grows by the text's compression (see the README's figures).
/// </summary>
[CodecName("JasSearch48")]
public sealed class SearchCodec() : FilterCodec(new Lucene46Codec())
{
    /// <summary>A chunk closes as soon as it holds a document of this size: small documents (a file's
    /// release notes) still share one, a page's text has its own.</summary>
    private const int ChunkSize = 1 << 10;

    private static readonly StoredFieldsFormat Stored =
        new CompressingStoredFieldsFormat("JasSearchStoredFieldsPlain", new Uncompressed(), ChunkSize);

    public override StoredFieldsFormat StoredFieldsFormat => Stored;

    /// <summary>Makes the codec known to Lucene, so an index written with it can be read (once per
    /// process: LuceneSearchIndex's static constructor).</summary>
    public static void Register() =>
        Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(SearchCodec)] });

    /// <summary>Bytes written as they are; a read copies the whole slice the writer wrote, so that the
    /// next slice of a large document starts where the reader expects it.</summary>
    private sealed class Uncompressed : CompressionMode
    {
        public override Compressor NewCompressor() => new Copy();

        public override Decompressor NewDecompressor() => new Read();

        public override string ToString() => "Uncompressed";

        private sealed class Copy : Compressor
        {
            public override void Compress(byte[] bytes, int off, int len, DataOutput @out) => @out.WriteBytes(bytes, off, len);
        }

        private sealed class Read : Decompressor
        {
            public override void Decompress(DataInput @in, int originalLength, int offset, int length, BytesRef bytes)
            {
                if (offset < 0 || length < 0 || offset + length > originalLength)
                    throw new Lucene.Net.Index.CorruptIndexException($"a stored slice of {originalLength} bytes has no {length} bytes at {offset} ({@in})");
                if (bytes.Bytes.Length < originalLength) bytes.Bytes = new byte[ArrayUtil.Oversize(originalLength, 1)];
                @in.ReadBytes(bytes.Bytes, 0, originalLength);
                bytes.Offset = offset;
                bytes.Length = length;
            }

            public override object Clone() => this;
        }
    }
}
