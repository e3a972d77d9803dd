using System.Runtime.CompilerServices;
using JasKnowledge.Data.Search;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace JasKnowledge.Tests.Unit;

/// <summary>The index folder read through memory maps without a register of copies: what Lucene writes
/// reads back the same, every read stays inside its file or slice, a copy of a closed file refuses to read
/// instead of touching memory, and a file's map goes once nothing can reach it.</summary>
public sealed class MappedDirectoryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"jas-mapped-{Guid.NewGuid():N}");
    private readonly MappedDirectory _directory;

    public MappedDirectoryTests()
    {
        System.IO.Directory.CreateDirectory(_folder);
        _directory = new MappedDirectory(new DirectoryInfo(_folder));
    }

    private void Write(string name, Action<IndexOutput> write)
    {
        using var output = _directory.CreateOutput(name, IOContext.DEFAULT);
        write(output);
    }

    [Fact]
    public void What_Lucene_writes_reads_back_the_same()
    {
        var bytes = Enumerable.Range(0, 3_000).Select(i => (byte)(i * 7)).ToArray();
        Write("values", output =>
        {
            output.WriteByte(0xFE);
            output.WriteInt16(-12_345);
            output.WriteInt32(-1_234_567_890);
            output.WriteInt64(long.MinValue + 42);
            output.WriteVInt32(int.MaxValue);
            output.WriteVInt64(long.MaxValue);
            output.WriteString("gesprek — ውይይት — حوار");
            output.WriteBytes(bytes, bytes.Length);
        });

        using var input = _directory.OpenInput("values", IOContext.DEFAULT);
        Assert.Equal(0xFE, input.ReadByte());
        Assert.Equal(-12_345, input.ReadInt16());
        Assert.Equal(-1_234_567_890, input.ReadInt32());
        Assert.Equal(long.MinValue + 42, input.ReadInt64());
        Assert.Equal(int.MaxValue, input.ReadVInt32());
        Assert.Equal(long.MaxValue, input.ReadVInt64());
        Assert.Equal("gesprek — ውይይት — حوار", input.ReadString());
        var read = new byte[bytes.Length];
        input.ReadBytes(read, 0, read.Length);
        Assert.Equal(bytes, read);
        Assert.Equal(input.Length, input.Position);

        input.Seek(1);
        Assert.Equal(-12_345, input.ReadInt16());
        Assert.Equal(3, input.Position);
    }

    [Fact]
    public void Reading_or_seeking_past_the_end_is_an_end_of_file_not_a_read_outside_the_file()
    {
        Write("short", output => output.WriteBytes([1, 2, 3], 3));
        using var input = _directory.OpenInput("short", IOContext.DEFAULT);

        input.Seek(2);
        Assert.Throws<EndOfStreamException>(() => input.ReadInt32());
        Assert.Equal(2, input.Position); // a failed read moves nothing
        Assert.Equal(3, input.ReadByte());
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
        Assert.Throws<EndOfStreamException>(() => input.ReadBytes(new byte[1], 0, 1));
        Assert.Throws<EndOfStreamException>(() => input.Seek(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => input.Seek(-1));
        input.Seek(3); // the end itself is a place to be

        Write("empty", _ => { });
        using var empty = _directory.OpenInput("empty", IOContext.DEFAULT);
        Assert.Equal(0, empty.Length);
        Assert.Throws<EndOfStreamException>(() => empty.ReadByte());
    }

    [Fact]
    public void A_copy_reads_on_its_own_and_refuses_to_read_once_its_file_is_closed()
    {
        Write("file", output => output.WriteBytes([10, 20, 30, 40], 4));
        var input = _directory.OpenInput("file", IOContext.DEFAULT);
        input.ReadByte();
        var copy = (IndexInput)input.Clone();
        Assert.Equal(1, copy.Position);
        Assert.Equal(20, copy.ReadByte());
        Assert.Equal(20, input.ReadByte()); // the copy's reading did not move the file's position

        // Closing a copy leaves the file open.
        copy.Dispose();
        Assert.Equal(30, input.ReadByte());

        var another = (IndexInput)input.Clone();
        input.Dispose();
        Assert.Throws<ObjectDisposedException>(() => another.ReadByte());
        Assert.Throws<ObjectDisposedException>(() => another.Seek(0));
        Assert.Throws<ObjectDisposedException>(() => another.Clone());
    }

    [Fact]
    public void A_slice_of_a_compound_file_reads_only_its_own_bytes()
    {
        Write("compound", output => output.WriteBytes(Enumerable.Range(0, 100).Select(i => (byte)i).ToArray(), 100));
        using var slicer = _directory.CreateSlicer("compound", IOContext.DEFAULT);
        using var slice = slicer.OpenSlice("part", 40, 10);

        Assert.Equal(10, slice.Length);
        Assert.Equal(40, slice.ReadByte());
        slice.Seek(9);
        Assert.Equal(49, slice.ReadByte());
        Assert.Throws<EndOfStreamException>(() => slice.ReadByte());
        Assert.Throws<EndOfStreamException>(() => slice.Seek(11));
        var copy = (IndexInput)slice.Clone();
        copy.Seek(0);
        Assert.Equal(40, copy.ReadByte());
        Assert.Throws<ArgumentException>(() => slicer.OpenSlice("too far", 95, 10));
    }

    [Fact]
    public void An_index_of_compound_and_plain_segments_is_searched_through_it()
    {
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))
        {
            MergePolicy = NoMergePolicy.COMPOUND_FILES,
        };
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var i = 0; i < 300; i++)
            {
                writer.AddDocument(new Document { new TextField("body", i % 3 == 0 ? "gesprek werk" : "werk", Field.Store.YES) });
                if (i % 100 == 99) writer.Commit();
            }
        }
        Assert.Contains(_directory.ListAll(), name => name.EndsWith(".cfs", StringComparison.Ordinal));

        using var reader = DirectoryReader.Open(_directory);
        var searcher = new IndexSearcher(reader);
        var found = searcher.Search(new TermQuery(new Term("body", "gesprek")), 500);
        Assert.Equal(100, found.TotalHits);
        Assert.All(found.ScoreDocs, hit => Assert.Equal("gesprek werk", searcher.Doc(hit.Doc).Get("body")));
        Assert.Equal(3, reader.Leaves.Count);
    }

    [Fact]
    public void A_files_map_goes_once_nothing_can_reach_it()
    {
        if (!File.Exists("/proc/self/maps")) return; // where the process's maps can be listed (Linux)
        Write("mapped", output => output.WriteBytes(new byte[8_192], 8_192));
        var path = Path.Combine(_folder, "mapped");

        OpenReadAndClose(path);

        for (var i = 0; i < 5 && File.ReadAllText("/proc/self/maps").Contains(path); i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.DoesNotContain(path, File.ReadAllText("/proc/self/maps"));
    }

    // Not inlined, so that no reference to the input or its copy is left on the test's own stack.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void OpenReadAndClose(string path)
    {
        var input = _directory.OpenInput("mapped", IOContext.DEFAULT);
        var copy = (IndexInput)input.Clone();
        copy.ReadInt64();
        input.Dispose();
        Assert.Contains(path, File.ReadAllText("/proc/self/maps"));
    }

    public void Dispose()
    {
        _directory.Dispose();
        try { System.IO.Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
